// Fixed ports, checked before anything starts, so a busy port is a clear message instead of
// Astro silently moving to the next port (and the CMS then talking to the wrong backend).
import { createServer } from 'node:net';
import { PortalError } from './errors.js';
import { msg } from './messages.js';

export const LOOPBACK = '127.0.0.1';

export function parsePort(value: string | undefined, fallback: number, envName: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new PortalError(msg.portInvalid(envName, value));
  return n;
}

/** Resolves when `port` can be bound on the loopback address; PortalError when it is taken. */
export function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortalError(msg.portBusy(port, what, envName)) : error);
    });
    probe.listen({ port, host: LOOPBACK, exclusive: true }, () => probe.close(() => resolve()));
  });
}
