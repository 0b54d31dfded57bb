// A small province on disk, with git history, for the site tests that the sample data cannot
// cover: hostile text in explanations, titles and URLs; evidence paths that try to escape;
// an appraised and published year; submission times (one on time, one late).
import { cpSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitFixture, ALICE, BINH } from '../history/fixture.js';
import { BASE_ROOT } from '../helpers/fixtures.js';

export const HOSTILE_EXPLANATION = '<script>alert(1)</script> Hoàn thành 10/10 nhiệm vụ, minh chứng tại Mục I, Báo cáo số 9/BC-UBND.';
export const HOSTILE_URL = 'javascript:alert(1)';
export const HOSTILE_UNIT_NAME = 'Huyện <img src=x onerror="alert(2)"> Thử nghiệm B';
export const ESCAPING_FILE = 'content/evidence/2023/don-vi-b/../../../../../etc/passwd';
export const OTHER_UNITS_FILE = 'content/evidence/2023/don-vi-a/bang-thong-ke.pdf';
/** Arrivals on main (committer dates of direct commits), in the campaign's time zone. */
export const ON_TIME = '2023-11-10T09:00:00+07:00';
export const LATE = '2023-11-17T17:30:00+07:00';
/** The next, still unpublished year: one unit has submitted. */
export const NEXT_YEAR_SUBMITTED = '2024-11-05T08:00:00+07:00';
export const BROKEN_SUBMITTED = '2024-11-06T10:00:00+07:00';
export const BUILD_NOW = '2024-11-10T10:00:00+07:00';

export function createHostileRepo(): GitFixture {
  const repo = new GitFixture();
  cpSync(join(BASE_ROOT, 'content'), join(repo.dir, 'content'), { recursive: true });
  // Published, so the results, unit details and downloads are built for it.
  const campaignPath = 'content/campaigns/2023.yaml';
  const campaign = readFileSync(join(repo.dir, campaignPath), 'utf8')
    .replace('publication: { status: unpublished }', 'publication: { status: published, decision: "99/QĐ-UBND", date: "2024-03-01", issuer: "UBND tỉnh (thử nghiệm)" }');
  repo.write(campaignPath, campaign);
  repo.write('content/appraisals/2023/don-vi-a.yaml', [
    'unit: don-vi-a', 'year: 2023', 'framework: fw-so-2023', 'items:',
    '  - { code: "1.1", round1: { score: 1, remark: "Thiếu sản phẩm của 2 nhiệm vụ.", requestExplanation: true }, round2: { score: 2, remark: "Đã bổ sung đủ." } }',
    '  - { code: "1.2", round1: { score: 2 } }',
    '  - { code: "1.3", round1: { score: 0 } }',
    '  - { code: "2.1.1", round1: { score: 0.5 } }',
    '  - { code: "2.1.2", round1: { score: 0 } }',
    '',
  ].join('\n'));
  repo.commit('Sở Thử nghiệm A nộp bảng tự chấm 2023', ON_TIME, ALICE);

  const a = readFileSync(join(BASE_ROOT, 'content/self-assessments/2023/don-vi-a.yaml'), 'utf8');
  const b = a.replaceAll('don-vi-a', 'don-vi-b').replace('framework: fw-so-2023', 'framework: fw-huyen-2023')
    .replace(/explanation: >-\n(?: {6}.*\n)+/, `explanation: ${JSON.stringify(HOSTILE_EXPLANATION)}\n`)
    .replace('url: https://example.gov.vn/van-ban/101-qd-snv.pdf', `url: ${JSON.stringify(HOSTILE_URL)}`)
    .replace('file: content/evidence/2023/don-vi-b/bang-thong-ke.pdf', `file: ${JSON.stringify(ESCAPING_FILE)}`)
    .replace('file: content/evidence/2023/don-vi-b/ke-hoach-12-kh-snv.pdf', `file: ${JSON.stringify(OTHER_UNITS_FILE)}`);
  repo.write('content/self-assessments/2023/don-vi-b.yaml', b);
  mkdirSync(join(repo.dir, 'content/evidence/2023/don-vi-b'), { recursive: true });
  copyFileSync(join(BASE_ROOT, 'content/evidence/2023/don-vi-a/bao-cao-55-bc-snv.pdf'), join(repo.dir, 'content/evidence/2023/don-vi-b/bao-cao-55-bc-snv.pdf'));
  const unit = readFileSync(join(repo.dir, 'content/units/don-vi-b.yaml'), 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(HOSTILE_UNIT_NAME)}`);
  repo.write('content/units/don-vi-b.yaml', unit);
  repo.commit('Huyện Thử nghiệm B nộp bảng tự chấm 2023 (muộn)', LATE, BINH);

  // 2024: same frameworks and phases a year later, unpublished.
  const nextYear = (text: string) => text.replaceAll('2023', '2024');
  repo.write('content/campaigns/2024.yaml', nextYear(readFileSync(join(BASE_ROOT, campaignPath), 'utf8')));
  for (const fw of ['fw-so', 'fw-huyen']) repo.write(`content/frameworks/${fw}-2024.yaml`, nextYear(readFileSync(join(BASE_ROOT, `content/frameworks/${fw}-2023.yaml`), 'utf8')));
  cpSync(join(BASE_ROOT, 'content/evidence/2023/don-vi-a'), join(repo.dir, 'content/evidence/2024/don-vi-a'), { recursive: true });
  repo.write('content/self-assessments/2024/don-vi-a.yaml', nextYear(a));
  repo.commit('Sở Thử nghiệm A nộp bảng tự chấm 2024', NEXT_YEAR_SUBMITTED, ALICE);
  // A file that does not parse: counted as sent with errors, never a build failure.
  repo.write('content/self-assessments/2024/don-vi-b.yaml', 'unit: don-vi-b\nyear: 2024\nitems: [\n  - code: "1.1"\n');
  repo.commit('Huyện Thử nghiệm B gửi tệp hỏng', BROKEN_SUBMITTED, BINH);
  return repo;
}
