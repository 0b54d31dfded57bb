// The Astro dev server as a child process: the site and /admin/ from the developer's tree,
// rendering the clone's content (PARINDEX_CONTENT_ROOT). A child rather than Astro's dev() in
// this process keeps Vite's watchers, its esbuild service and the environment the site reads
// apart from the git backend, and lets the portal stop it as one process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PortalError } from './errors.js';
import { msg } from './messages.js';
import { LOOPBACK } from './ports.js';

export interface SiteOptions {
  /** The developer's repository: astro.config.mjs and site/ live here. */
  repoRoot: string;
  /** The clone whose content/ the site renders. */
  contentRoot: string;
  port: number;
  backendUrl: string;
  backendPort: number;
  /** Extra environment for the child (PARINDEX_NOW, …). */
  env?: Record<string, string | undefined>;
  /** Astro's output lines worth showing (errors); everything when PARINDEX_DEBUG is set. */
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface SiteServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the child has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const TAIL_LINES = 40;

function astroEntry(repoRoot: string): string {
  const require = createRequire(join(repoRoot, 'package.json'));
  return join(dirname(require.resolve('astro/package.json')), 'astro.js');
}

export async function startSite(options: SiteOptions): Promise<SiteServer> {
  const url = `http://${LOOPBACK}:${options.port}`;
  const watchdog = join(options.repoRoot, 'scripts', 'portal', 'site-watchdog.cjs');
  const child = spawn(process.execPath, ['--require', watchdog, astroEntry(options.repoRoot), 'dev', '--root', options.repoRoot,
    '--port', String(options.port), '--host', LOOPBACK], {
    cwd: options.repoRoot,
    env: {
      ...process.env,
      ...options.env,
      PARINDEX_CONTENT_ROOT: options.contentRoot,
      // The CMS page reads these per request (scripts/generate/cms.ts, docs/cms.md).
      PARINDEX_CMS_LOCAL: '1',
      PARINDEX_BACKEND_PORT: String(options.backendPort),
      PARINDEX_CMS_BACKEND_URL: options.backendUrl,
      PARINDEX_SITE: `http://localhost:${options.port}`,
      // No network from a local demo: no update check, no telemetry.
      ASTRO_DISABLE_UPDATE_CHECK: 'true',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
    },
    // The IPC channel is the child's lifeline to the portal (site-watchdog.cjs).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: Ctrl+C reaches the portal only, which then stops Vite and esbuild.
    detached: true,
  });

  // The channel must not keep the portal alive once everything else has stopped.
  child.channel?.unref();

  const tail: string[] = [];
  const debug = Boolean(process.env.PARINDEX_DEBUG);
  const onData = (chunk: Buffer) => {
    for (const raw of chunk.toString('utf8').split('\n')) {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      if (!line) continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      if (debug || /\[ERROR\]|\berror\b|lỗi/i.test(line)) options.onLine?.(line);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal(child, 'SIGTERM');
    const timer = setTimeout(() => signal(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  let done = false;
  const ready = (async () => {
    while (!done && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        return true;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return false;
  })();
  const outcome = await Promise.race([ready, exited.then(() => 'exited' as const)]);
  done = true;
  if (outcome === 'exited') throw new PortalError(msg.siteFailed(tail.join('\n')));
  if (!outcome) {
    await stop();
    throw new PortalError(msg.siteTimeout(Math.round((options.readyTimeoutMs ?? 120_000) / 1000), tail.slice(-10).join('\n')));
  }
  return { url, child, exited, stop };
}

/** Signals the child's whole process group (Astro and the esbuild service it started). */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, sig);
  } catch {
    try { child.kill(sig); } catch { /* already gone */ }
  }
}
