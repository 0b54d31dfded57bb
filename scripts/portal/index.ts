// The local portal behind `npm start`: the clone, the gated git backend and the Astro site,
// started in that order and stopped in reverse.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { ActorOptions } from './actor.js';
import { createBackendApp } from './backend.js';
import { ensureClone, type CloneInfo } from './clone.js';
import type { PortalClock } from './clock.js';
import { PortalError } from './errors.js';
import type { GateFn } from './gate-api.js';
import { gitVersion } from './git.js';
import { msg } from './messages.js';
import { assertPortFree, LOOPBACK } from './ports.js';
import { startSite, type SiteServer } from './site.js';

export const DEFAULT_SITE_PORT = 4321;
export const DEFAULT_BACKEND_PORT = 8081;

export interface PortalOptions {
  /** The developer's repository: the site's code, and (by default) the source of the clone. */
  repoRoot: string;
  /** The repository the clone is made from on first start (default repoRoot). */
  source?: string;
  /** Where the clone lives (default <repoRoot>/.portal/repo). */
  cloneDir?: string;
  sitePort?: number;
  backendPort?: number;
  clock: PortalClock;
  gate: GateFn;
  actor?: ActorOptions;
  /** A new clone replays the demo campaign up to the clock (scripts/portal/replay.ts). */
  demo?: boolean;
  /** Start the Astro site too (the backend alone is enough for some tests). */
  site?: boolean;
  /** Largest upload per file in bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Extra environment for the site (PARINDEX_NOW, …). */
  siteEnv?: Record<string, string | undefined>;
  siteReadyTimeoutMs?: number;
  log: (line: string) => void;
}

export interface Portal {
  siteUrl: string;
  adminUrl: string;
  backendUrl: string;
  clone: CloneInfo;
  clock: PortalClock;
  /** Resolves if the site stops on its own (the CLI then stops the portal). */
  siteExited: Promise<number | null>;
  stop(): Promise<void>;
}

export function defaultCloneDir(repoRoot: string): string {
  return join(repoRoot, '.portal', 'repo');
}

function listen(app: { listen: (port: number, host: string) => Server }, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, LOOPBACK);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortalError(msg.portBusy(port, 'máy chủ git cục bộ', 'PARINDEX_BACKEND_PORT')) : error);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startPortal(options: PortalOptions): Promise<Portal> {
  const sitePort = options.sitePort ?? DEFAULT_SITE_PORT;
  const backendPort = options.backendPort ?? DEFAULT_BACKEND_PORT;
  const withSite = options.site ?? true;

  if (!(await gitVersion())) throw new PortalError(msg.gitMissing);
  if (withSite) await assertPortFree(sitePort, 'trang và CMS', 'PARINDEX_PORT');
  await assertPortFree(backendPort, 'máy chủ git cục bộ', 'PARINDEX_BACKEND_PORT');

  const clone = await ensureClone(options.source ?? options.repoRoot, options.cloneDir ?? defaultCloneDir(options.repoRoot),
    options.demo ? { now: options.clock.now() } : undefined);
  const app = await createBackendApp({
    repo: clone.dir, clock: options.clock, gate: options.gate, log: options.log,
    // The CMS page's origins: the site, however the officer typed its address.
    origins: withSite ? [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`] : [],
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    ...(options.actor ? { actor: options.actor } : {}),
  });
  const server = await listen(app, backendPort);
  // The CMS calls the address the server is bound to: "localhost" may resolve to ::1 first.
  const backendUrl = `http://${LOOPBACK}:${backendPort}/api/v1`;

  let site: SiteServer | null = null;
  if (withSite) {
    try {
      site = await startSite({
        repoRoot: options.repoRoot, contentRoot: clone.dir, port: sitePort, backendUrl, backendPort,
        ...(options.siteEnv ? { env: options.siteEnv } : {}),
        ...(options.siteReadyTimeoutMs ? { readyTimeoutMs: options.siteReadyTimeoutMs } : {}),
        onLine: (line) => options.log(`[trang] ${line}`),
      });
    } catch (error) {
      await closeServer(server);
      throw error;
    }
  }

  let stopping: Promise<void> | null = null;
  const siteUrl = `http://localhost:${sitePort}/`;
  return {
    siteUrl,
    adminUrl: `${siteUrl}admin/`,
    backendUrl,
    clone,
    clock: options.clock,
    siteExited: site ? site.exited : new Promise<number | null>(() => {}),
    stop: () => (stopping ??= (async () => {
      await Promise.all([site?.stop(), closeServer(server)]);
    })()),
  };
}
