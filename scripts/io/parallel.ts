// Validation across worker threads: parsing YAML dominates (platform notes), and it splits
// cleanly by file. Workers start at once and check slices of the per-unit files, each loading
// only the units of its slice; meanwhile the main thread checks the registry files. Nothing is
// loaded twice and no thread waits for another before starting.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fsSource, nodeSha256 } from './fs-source.js';
import { validate, listDataFiles, targetsFor, type ValidationResult } from '../core/validate/engine.js';
import { classifyPath } from '../core/kinds.js';
import { sortFindings } from '../core/findings.js';

interface Job { parindexValidateWorker: true; root: string; paths: string[] }

/** Worker threads need a plain JS entry: only the esbuild bundle (not tsx or vitest) has one. */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.mjs');
}

const PER_UNIT = new Set(['self-assessment', 'appraisal']);

export async function validateInParallel(root: string, paths: string[] | undefined,
  onProgress?: (done: number, total: number) => void, threads = availableParallelism()): Promise<ValidationResult> {
  const source = fsSource(root);
  let targets: string[];
  if (paths) {
    const t = targetsFor(paths);
    targets = t.all ? await listDataFiles(source) : t.targets;
  } else targets = await listDataFiles(source);
  const heavy = targets.filter((p) => PER_UNIT.has(classifyPath(p)?.kind ?? ''));
  if (!canUseWorkers() || threads < 2 || heavy.length < 64) {
    return validate(source, { targets, onProgress, hash: nodeSha256 });
  }
  const light = targets.filter((p) => !PER_UNIT.has(classifyPath(p)?.kind ?? ''));
  const n = Math.min(threads, Math.ceil(heavy.length / 32));
  // Contiguous slices keep each worker's units together (fewer unit files per worker).
  const size = Math.ceil(heavy.length / n);
  const slices = Array.from({ length: n }, (_, i) => heavy.slice(i * size, (i + 1) * size));
  let done = 0;
  const workers = slices.map((slice) => new Promise<ValidationResult>((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { parindexValidateWorker: true, root, paths: slice } satisfies Job });
    worker.on('message', (m: { progress?: number; result?: ValidationResult }) => {
      if (m.progress) onProgress?.(done += m.progress, targets.length);
      if (m.result) resolve(m.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  }));
  const main = light.length ? await validate(source, { targets: light, hash: nodeSha256 }) : { findings: [], files: 0 };
  onProgress?.(done += light.length, targets.length);
  const results = await Promise.all(workers);
  return {
    findings: sortFindings([main, ...results].flatMap((r) => r.findings)),
    files: main.files + results.reduce((s, r) => s + r.files, 0),
  };
}

if (!isMainThread && (workerData as Job | undefined)?.parindexValidateWorker) {
  const job = workerData as Job;
  let pending = 0;
  const result = await validate(fsSource(job.root), {
    targets: job.paths,
    hash: nodeSha256,
    onProgress: () => { if (++pending === 50) { parentPort!.postMessage({ progress: pending }); pending = 0; } },
  });
  if (pending) parentPort!.postMessage({ progress: pending });
  parentPort!.postMessage({ result });
}
