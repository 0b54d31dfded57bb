// Validation across worker threads: parsing YAML dominates (platform notes), and it splits
// cleanly by file. Each worker loads the small registry itself and checks a slice of the
// self-assessments; the main thread checks the registry files and merges.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fsSource } from './fs-source.js';
import { validate, loadRegistry, listDataFiles, targetsFor, type ValidationResult } from '../core/validate/engine.js';
import { classifyPath } from '../core/kinds.js';
import { sortFindings } from '../core/findings.js';

interface Job { parindexValidateWorker: true; root: string; paths: string[] }

/** Worker threads need a plain JS entry: only the esbuild bundle (not tsx or vitest) has one. */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.mjs');
}

export async function validateInParallel(root: string, paths: string[] | undefined,
  onProgress?: (done: number, total: number) => void, threads = availableParallelism()): Promise<ValidationResult> {
  const source = fsSource(root);
  const registry = await loadRegistry(source);
  let targets: string[];
  if (paths) {
    const t = targetsFor(paths);
    targets = t.all ? await listDataFiles(source) : t.targets;
  } else targets = await listDataFiles(source);
  const heavy = targets.filter((p) => classifyPath(p)?.kind === 'self-assessment');
  if (!canUseWorkers() || threads < 2 || heavy.length < 64) {
    return validate(source, { targets, registry, onProgress });
  }
  const light = targets.filter((p) => classifyPath(p)?.kind !== 'self-assessment');
  const main = await validate(source, { targets: light, registry });
  const n = Math.min(threads, Math.ceil(heavy.length / 32));
  const slices: string[][] = Array.from({ length: n }, () => []);
  heavy.forEach((p, i) => slices[i % n]!.push(p));
  let done = light.length;
  const results = await Promise.all(slices.map((slice) => new Promise<ValidationResult>((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { parindexValidateWorker: true, root, paths: slice } satisfies Job });
    worker.on('message', (m: { progress?: number; result?: ValidationResult }) => {
      if (m.progress) onProgress?.(done += m.progress, targets.length);
      if (m.result) resolve(m.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  })));
  return {
    findings: sortFindings([main, ...results].flatMap((r) => r.findings)),
    files: main.files + results.reduce((s, r) => s + r.files, 0),
  };
}

if (!isMainThread && (workerData as Job | undefined)?.parindexValidateWorker) {
  const job = workerData as Job;
  const source = fsSource(job.root);
  let pending = 0;
  const result = await validate(source, {
    targets: job.paths,
    onProgress: () => { if (++pending === 50) { parentPort!.postMessage({ progress: pending }); pending = 0; } },
  });
  if (pending) parentPort!.postMessage({ progress: pending });
  parentPort!.postMessage({ result });
}
