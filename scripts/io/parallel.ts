// Validation across threads: parsing YAML dominates (platform notes), and it splits cleanly by
// file. The main thread and `threads - 1` workers claim the per-unit files one at a time from a
// shared counter, so no thread idles while another still has a queue, and the main thread works
// from the first moment instead of waiting for workers to boot. Each thread loads only the units
// of the files it claims; the main thread also checks the registry files.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fsSource, nodeSha256 } from './fs-source.js';
import { validate, listDataFiles, targetsFor, PER_UNIT_KINDS, type ValidationResult } from '../core/validate/engine.js';
import { classifyPath } from '../core/kinds.js';
import { sortFindings } from '../core/findings.js';

interface Job { parindexValidateWorker: true; root: string; paths: string[]; counter: SharedArrayBuffer; headers: boolean | string[] }

export interface ParallelOptions {
  /** Read the header printed on each evidence PDF, or on these PDFs only (default all). */
  headers?: boolean | ReadonlySet<string>;
}

const headerPolicy = (h: boolean | string[]) => (typeof h === 'boolean' ? h : (path: string) => h.includes(path));

/** Worker threads need a plain JS entry: only the esbuild bundle (not tsx or vitest) has one. */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.mjs');
}

/** One thread per core; PARINDEX_THREADS overrides (tests use it to run several workers anywhere). */
function defaultThreads(): number {
  const n = Number(process.env.PARINDEX_THREADS);
  return Number.isInteger(n) && n > 0 ? n : availableParallelism();
}

/** The next unclaimed index of the shared list, for whichever thread asks first. */
function claimer(counter: SharedArrayBuffer): () => number {
  const cell = new Int32Array(counter);
  return () => Atomics.add(cell, 0, 1);
}

export async function validateInParallel(root: string, paths: string[] | undefined,
  onProgress?: (done: number, total: number) => void, threads = defaultThreads(), options: ParallelOptions = {}): Promise<ValidationResult> {
  const source = fsSource(root);
  // Plain data, to cross into the workers.
  const headerData = typeof options.headers === 'object' ? [...options.headers] : options.headers ?? true;
  const headers = headerPolicy(headerData);
  let targets: string[];
  if (paths) {
    const t = targetsFor(paths);
    targets = t.all ? await listDataFiles(source) : t.targets;
  } else targets = await listDataFiles(source);
  const heavy: string[] = [];
  const light: string[] = [];
  for (const p of targets) (PER_UNIT_KINDS.has(classifyPath(p)?.kind ?? '') ? heavy : light).push(p);
  if (!canUseWorkers() || threads < 2 || heavy.length < 64) {
    return validate(source, { targets, onProgress, hash: nodeSha256, headers });
  }
  const counter = new SharedArrayBuffer(4);
  const workers = Array.from({ length: threads - 1 }, () => new Promise<ValidationResult>((resolve, reject) => {
    const job: Job = { parindexValidateWorker: true, root, paths: heavy, counter, headers: headerData };
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job });
    worker.on('message', (result: ValidationResult) => resolve(result));
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  }));
  const main = light.length ? await validate(source, { targets: light, hash: nodeSha256, headers }) : { findings: [], files: 0 };
  // Progress counts claimed files: the main thread reports for every thread as it goes.
  const claimed = new Int32Array(counter);
  const own = await validate(source, {
    targets: heavy, hash: nodeSha256, headers, claim: claimer(counter),
    onProgress: onProgress && (() => onProgress(light.length + Math.min(Atomics.load(claimed, 0), heavy.length), targets.length)),
  });
  const results = await Promise.all(workers);
  onProgress?.(targets.length, targets.length);
  return {
    findings: sortFindings([main, own, ...results].flatMap((r) => r.findings)),
    files: main.files + own.files + results.reduce((s, r) => s + r.files, 0),
  };
}

if (!isMainThread && (workerData as Job | undefined)?.parindexValidateWorker) {
  const job = workerData as Job;
  parentPort!.postMessage(await validate(fsSource(job.root), { targets: job.paths, hash: nodeSha256, headers: headerPolicy(job.headers), claim: claimer(job.counter) }));
}
