// Loaded into the Astro child with `node --require` (scripts/portal/site.ts). The child runs in
// its own process group so Ctrl+C reaches the portal only; but then a portal killed with SIGKILL
// would leave it running, holding the site's port (docs/security.md §Crash safety). The portal
// opens an IPC channel to the child: when the portal dies, the channel closes and the child takes
// its whole group (Vite's esbuild service included) down with it.
'use strict';
if (typeof process.send === 'function') {
  process.on('disconnect', () => {
    try { process.kill(-process.pid, 'SIGTERM'); } catch { /* not a group leader */ }
    setTimeout(() => process.exit(1), 3000).unref();
  });
  // The channel must not keep the child alive on its own, nor make tools think they were forked.
  process.channel?.unref();
}
