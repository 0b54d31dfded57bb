// Regenerates the sample self-assessments and their evidence PDFs in one deterministic run:
//   npx tsx scripts/sample/index.ts            (wired as `npm run sample-data`)
// 1. plan every sample unit-year (scores, figures, explanations, documents) from the frameworks;
// 2. write the PDFs of the referenced documents (most signed), collecting their sha256;
// 3. write content/self-assessments/<year>/<unit>.yaml with those hashes.
// Only the sample units' own evidence folders and self-assessment files are replaced.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPlans, repoRoot, writeSelfAssessments, type Plan } from './generate-self-assessments.js';
import { makeEvidence } from './make-evidence.js';

export interface SampleDataResult { plans: Plan[]; files: string[]; pdfs: number; unsigned: number }

export async function generateSampleData(root: string = repoRoot, log: (line: string) => void = () => {}): Promise<SampleDataResult> {
  const plans = buildPlans(root);
  for (const p of plans) rmSync(join(root, 'content/evidence', String(p.year), p.unit), { recursive: true, force: true });
  const docs = plans.flatMap((p) => p.docs);
  const hashes = await makeEvidence(root, docs);
  const files = writeSelfAssessments(root, plans, hashes);
  for (const p of plans) {
    log(`${p.year} ${p.unit.padEnd(26)} ${String(p.items.length).padStart(3)} tiêu chí, tự chấm ${(p.ratio * 100).toFixed(1)}%, ${p.docs.length} văn bản (${p.docs.filter((d) => !d.signer).length} chưa ký số)`);
  }
  return { plans, files, pdfs: hashes.size, unsigned: docs.filter((d) => !d.signer).length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  const result = await generateSampleData(repoRoot, (l) => console.log(l));
  console.log(`${result.files.length} tệp tự chấm điểm, ${result.pdfs} tệp PDF (${result.unsigned} chưa ký số) trong ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
