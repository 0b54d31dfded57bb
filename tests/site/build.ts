// Builds the real site in a child process (as `npm run site:build` does) into a temp outDir,
// against any content root. One build per test file; the pages are then read from disk or
// served to Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';

export interface BuildResult {
  outDir: string;
  log: string;
  ms: number;
}

/**
 * A fresh output folder inside the project: Astro writes its prerender chunks to <cwd>/.astro/
 * when outDir lies outside the project, so two builds with outDirs in /tmp would overwrite each
 * other's chunks (seen: one build rendering with the other's base path).
 */
export function siteOutDir(name: string): string {
  const parent = join(REPO_ROOT, '.cache', 'site-tests');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${name}-`));
}

/** The environment without what Vitest adds (BASE_URL, MODE, NODE_ENV=test…), which Astro would read. */
function hostEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  return env;
}

export async function buildSite(opts: { contentRoot: string; outDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...hostEnv(),
      PARINDEX_CONTENT_ROOT: opts.contentRoot,
      PARINDEX_OUT_DIR: opts.outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`astro build failed (${code}):\n${log.slice(-4000)}`);
  return { outDir: opts.outDir, log, ms: Date.now() - started };
}
