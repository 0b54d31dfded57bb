// Is this request for the portal's backend, from the portal's own page? (docs/security.md §Portal)
// The backend listens on loopback only, but a browser can still be made to call it: a page on
// another site that posts to 127.0.0.1, or DNS rebinding (a name that first resolved to the
// attacker, then to 127.0.0.1, so the page is "same-origin" with it). The Host header gives the
// second away, the Origin header the first. Clients that send no Origin are local programs,
// which could write the clone's files directly anyway.
import type { Request } from 'express';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/;

function splitHost(host: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(host);
  return m ? { name: m[1]!.toLowerCase(), port: m[2] ?? '80' } : null;
}

export function hostAllowed(req: Request, origins?: readonly string[]): boolean {
  const host = splitHost(req.headers.host ?? '');
  if (!host || !LOOPBACK_NAMES.has(host.name)) return false;
  if (req.socket.localPort !== undefined && host.port !== String(req.socket.localPort)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origins?.length) return origins.includes(origin) || origin === `http://${req.headers.host}`;
  return LOOPBACK_ORIGIN.test(origin);
}
