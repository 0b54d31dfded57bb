// A synthetic province for benchmarks: a framework shaped like the national one (8 domains,
// ~100 self-scored leaves), a campaign, N units and their self-assessments, each citing one
// signed PDF copied into its evidence folder. Deterministic: the same N gives the same bytes.
import { mkdir, writeFile, copyFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dump } from 'js-yaml';

// Resolved from the repository root: this module also runs from the CLI bundle elsewhere.
const samplePdf = (root: string) => join(root, 'tests', 'fixtures', 'base', 'content', 'evidence', '2023', 'don-vi-a', 'bao-cao-55-bc-snv.pdf');

export interface SyntheticOptions {
  /** The repository root (for the sample signed PDF). */
  root: string;
  dir: string;
  units: number;
  years: number[];
  leavesPerDomain?: number;
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticFramework(id: string, group: string, year: number, leavesPerDomain = 12) {
  const children = Array.from({ length: 8 }, (_, d) => {
    const crit = Array.from({ length: 3 }, (_, c) => {
      const leaves = Array.from({ length: Math.ceil(leavesPerDomain / 3) }, (_, l) => ({
        code: `${d + 1}.${c + 1}.${l + 1}`, title: `Tiêu chí thành phần ${d + 1}.${c + 1}.${l + 1} về cải cách hành chính`,
        max: 1, method: 'self', levels: [{ score: 1, condition: 'Hoàn thành đúng hạn' }, { score: 0.5, condition: 'Hoàn thành chậm' }, { score: 0, condition: 'Không hoàn thành' }],
        evidence: { required: true, hint: 'Báo cáo, kế hoạch có số ký hiệu' },
      }));
      return { code: `${d + 1}.${c + 1}`, title: `Tiêu chí ${d + 1}.${c + 1}`, max: leaves.length, children: leaves };
    });
    return { code: `${d + 1}`, title: `Lĩnh vực ${d + 1}`, max: crit.reduce((s, c) => s + c.max, 0), children: crit };
  });
  return { id, title: `Bộ tiêu chí tổng hợp ${year} (mẫu đo hiệu năng)`, source: 'Sinh tự động', group, year, max: children.reduce((s, c) => s + c.max, 0), children };
}

export async function generateProvince(opts: SyntheticOptions): Promise<{ files: number; bytes: number }> {
  const { dir, units, years } = opts;
  const pdf = readFileSync(samplePdf(opts.root));
  const sha = createHash('sha256').update(pdf).digest('hex');
  const write = async (path: string, data: unknown) => {
    const text = typeof data === 'string' ? data : dump(data, { lineWidth: 120, noRefs: true, quotingType: '"' });
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    return text.length;
  };
  let files = 0;
  let bytes = 0;
  // The test trust store that signed the copied PDF: chains are verified as in a real province.
  await mkdir(join(dir, 'content/trust'), { recursive: true });
  await copyFile(join(opts.root, 'tests/fixtures/base/content/trust/test-root.pem'), join(dir, 'content/trust/test-root.pem'));
  const groups = [{ id: 'so-ban-nganh', name: 'Sở, ban, ngành' }, { id: 'ubnd-cap-xa', name: 'UBND cấp xã' }];
  const ids = Array.from({ length: units }, (_, i) => `don-vi-${String(i + 1).padStart(4, '0')}`);
  for (const [i, id] of ids.entries()) {
    bytes += await write(`content/units/${id}.yaml`, { id, name: `Đơn vị thử nghiệm số ${i + 1}`, shortName: `Đơn vị ${i + 1}`, group: groups[i % 2]!.id, github: { users: [`user-${i + 1}`] }, activeFrom: '2015-01-01' });
    files++;
  }
  for (const year of years) {
    const fws = groups.map((g) => syntheticFramework(`${g.id}-${year}`, g.id, year, opts.leavesPerDomain));
    for (const fw of fws) { bytes += await write(`content/frameworks/${fw.id}.yaml`, fw); files++; }
    bytes += await write(`content/campaigns/${year}.yaml`, {
      year, title: `Chỉ số CCHC năm ${year} (tổng hợp)`, province: 'Tỉnh mẫu', timezone: 'Asia/Ho_Chi_Minh',
      groups: groups.map((g) => ({ id: g.id, name: g.name, framework: `${g.id}-${year}` })),
      phases: [{ id: 'tu-danh-gia', kind: 'self-assessment', name: 'Tự đánh giá', start: `${year}-11-01T00:00`, end: `${year}-11-17T17:00` }],
      dataCutoff: `${year}-12-10`, bands: [{ id: 'tot', name: 'Tốt', min: 80 }, { id: 'kha', name: 'Khá', min: 0 }],
      publication: { status: 'published', decision: `${100 + year % 100}/QĐ-UBND`, date: `${year + 1}-03-15` },
    });
    files++;
    for (const [i, id] of ids.entries()) {
      const rnd = prng(i * 7919 + year);
      const fw = fws[i % 2]!;
      const evFile = `content/evidence/${year}/${id}/bao-cao-55.pdf`;
      await mkdir(join(dir, dirname(evFile)), { recursive: true });
      await copyFile(samplePdf(opts.root), join(dir, evFile));
      const items = fw.children.flatMap((d) => d.children.flatMap((c) => c.children.map((leaf) => {
        const score = [1, 1, 1, 0.5, 0][Math.floor(rnd() * 5)]!;
        return {
          code: leaf.code, score,
          explanation: `Năm ${year}, đơn vị đã hoàn thành ${Math.floor(rnd() * 20) + 5} nhiệm vụ theo kế hoạch của tiêu chí ${leaf.code}. Kết quả được minh chứng tại Khoản ${Math.floor(rnd() * 9) + 1}, Mục II, Báo cáo số 55/BC-SNV ngày 12/11/${year}.`,
          evidence: [
            // The number and date printed on the copied PDF (tests/fixtures/base), so its header matches.
            { number: '55/BC-SNV', date: '2023-11-12', issuer: `Đơn vị thử nghiệm số ${i + 1}`, title: `Báo cáo kết quả cải cách hành chính năm ${year}`, file: evFile, sha256: sha, locator: 'Mục II' },
            { number: `${Math.floor(rnd() * 900) + 100}/KH-UBND`, date: `${year}-01-15`, issuer: `Đơn vị thử nghiệm số ${i + 1}`, title: `Kế hoạch cải cách hành chính năm ${year}`, url: `https://example.gov.vn/van-ban/${id}/${year}/ke-hoach.pdf`, locator: 'Phụ lục I' },
          ],
        };
      })));
      bytes += await write(`content/self-assessments/${year}/${id}.yaml`, {
        unit: id, year, framework: fw.id, preparedBy: { name: 'Nguyễn Văn An', position: 'Chuyên viên' }, items,
      });
      files++;
    }
  }
  return { files, bytes };
}
