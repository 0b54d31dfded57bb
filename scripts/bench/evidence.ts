// Evidence verification benchmark (issue 12): PDFs per second for signed documents of 1–5 MB,
// full verification (CMS signature, chain, updates) next to the structural check (sha256 and
// byte ranges) it adds to; then `validate` on the sample repository with and without
// verification, and one changed file through the CLI, cold. Figures go to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { inspectPdf, latin1 } from '../core/evidence/pdf.js';
import { verifySignatures } from '../core/evidence/signature.js';
import { readHeader } from '../core/evidence/header.js';
import { validate, loadTrustStore } from '../core/validate/engine.js';
import { fsSource, nodeSha256 } from '../io/fs-source.js';
// The throwaway test PKI: benchmarks are development tooling, like the tests.
import { signDocument, testPki } from '../../tests/helpers/pki.js';
import { parseTrustStore } from '../core/evidence/trust.js';

export interface BenchOptions { dir: string; log: (line: string) => void; root: string; units?: number }

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function bigSignedPdf(mb: number): Promise<Uint8Array> {
  const pki = testPki();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(`So: ${mb}/BC-BENCH`, { x: 60, y: 780, size: 11, font });
  // Incompressible payload: what scanned annexes make of real documents.
  await doc.attach(randomBytes(mb * 1024 * 1024), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  return new Uint8Array(await signDocument(doc, pki.leaf, [pki.intermediate], new Date('2023-11-12T02:00:00Z')));
}

/** Best of `n` passes of `f` over `files`, in files per second. */
async function rate(files: Uint8Array[], n: number, f: (b: Uint8Array) => unknown): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    for (const b of files) await f(b);
    best = Math.min(best, performance.now() - t0);
  }
  return files.length / (best / 1000);
}

export async function benchEvidence(opts: BenchOptions): Promise<Record<string, number>> {
  const pki = testPki();
  const trust = parseTrustStore([{ path: 'root.pem', text: pki.root.pem }]);
  opts.log('Sinh 10 tệp PDF ký số 1–5 MB…');
  const files: Uint8Array[] = [];
  for (const mb of [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]) files.push(await bigSignedPdf(mb));
  const mbTotal = files.reduce((s, b) => s + b.length, 0) / 1048576;
  // Warm both paths once (JIT, pkijs schemas) before timing.
  for (const b of files.slice(0, 2)) { inspectPdf(b); await verifySignatures(b, latin1(b), trust); }
  const structural = await rate(files, 3, (b) => { nodeSha256(b); return inspectPdf(b); });
  const full = await rate(files, 3, async (b) => {
    nodeSha256(b);
    const text = latin1(b);
    inspectPdf(b, text);
    return verifySignatures(b, text, trust);
  });
  const header = await rate(files.slice(0, 5), 1, (b) => readHeader(b));
  opts.log(`  ${files.length} tệp, ${round(mbTotal, 1)} MB: cấu trúc ${round(structural, 1)} tệp/s, xác thực chữ ký ${round(full, 1)} tệp/s, đọc tiêu đề ${round(header, 1)} tệp/s`);

  // The sample repository: the whole validation, in process, best of 3, with and without verification.
  const source = () => fsSource(opts.root);
  const run = async (verify: boolean) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      await validate(source(), { hash: nodeSha256, headers: false, verify });
      best = Math.min(best, performance.now() - t0);
    }
    return best / 1000;
  };
  await loadTrustStore(source());
  const without = await run(false);
  const withVerify = await run(true);
  opts.log(`  validate trên kho mẫu: ${round(without)} s không xác thực, ${round(withVerify)} s có xác thực (+${round((withVerify / without - 1) * 100, 0)} %)`);

  // One changed file, cold process, through the CLI (a self-assessment and one of its PDFs).
  const cli = join(opts.root, 'scripts', 'bin', 'parindex.mjs');
  spawnSync(process.execPath, [cli, '--help'], { cwd: opts.root });
  const cold = (args: string[]) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: opts.root, encoding: 'utf8' });
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return best;
  };
  const sa = 'content/self-assessments/2023/so-noi-vu.yaml';
  const one = cold([sa]);
  const pdf = spawnSync('git', ['ls-files', 'content/evidence/2023/so-noi-vu'], { cwd: opts.root, encoding: 'utf8' }).stdout.split('\n').find((p) => p.endsWith('.pdf'));
  const onePdf = pdf ? cold([pdf]) : NaN;
  opts.log(`  một tệp thay đổi, tiến trình mới: ${round(one)} s (tự chấm), ${round(onePdf)} s (một PDF, có đọc tiêu đề)`);
  return {
    'PDF 1–5 MB, structural (files/s)': round(structural, 1),
    'PDF 1–5 MB, verified (files/s)': round(full, 1),
    'PDF 1–5 MB, header read (files/s)': round(header, 1),
    'sample validate without verification (s)': round(without),
    'sample validate with verification (s)': round(withVerify),
    'verification overhead (%)': round((withVerify / without - 1) * 100, 0),
    'one changed self-assessment, cold (s)': round(one),
    'one changed PDF, cold, with header (s)': round(onePdf),
  };
}
