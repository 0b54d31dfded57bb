#!/usr/bin/env node
// Launcher: runs the TypeScript CLI from a bundle that esbuild rebuilds only when a source under
// scripts/ or schemas/ is newer than it. A bundled file starts in a fraction of tsx's time, which
// is what keeps a one-file `validate` under half a second on a cold process.
import { existsSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Keyed by the checkout's path: clones that share node_modules (symlinks) never share a bundle.
const outdir = join(root, 'node_modules', '.cache', 'parindex', createHash('sha1').update(root).digest('hex').slice(0, 12));
const out = join(outdir, 'main.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|mjs|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(out) ||
  statSync(out).mtimeMs < Math.max(newestMtime(join(root, 'scripts')), newestMtime(join(root, 'schemas')));
if (stale) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'scripts', 'cli', 'main.ts')],
    outdir,
    outExtension: { '.js': '.mjs' },
    // Splitting keeps each command's packages (octokit, exceljs, isomorphic-git…) in its own
    // chunk, loaded only when that command runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }).catch((error) => {
    // A developer-facing failure (a source file does not compile): say where, without a trace.
    const first = error.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
    process.stderr.write(`Không dựng được công cụ dòng lệnh: ${where}${first?.text ?? error.message}\n`);
    process.exit(70);
  });
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2), { root });
