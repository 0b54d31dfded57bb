// The PR report: rendered from a real gate run on a real repository (scores by domain, the diff
// against main, findings, evidence links), kept under GitHub's size limit, and posted as one
// sticky comment plus the commit status Decap shows, against the OpenAPI-validated fake.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGithub } from './fake-github.js';
import { TestRepo, baseFiles, edit, text, type Files } from '../gate/git-repo.js';
import { run as gateCli } from '../../scripts/cli/gate.js';
import { run as prReport } from '../../scripts/cli/pr-report.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { renderReport, cell, COMMENT_MARKER, COMMENT_LIMIT } from '../../scripts/github/comment.js';
import { parseGateJson } from '../../scripts/github/gate-json.js';
import { STATUS_CONTEXT, statusDescription } from '../../scripts/github/pr-comment.js';
import type { ReportModel } from '../../scripts/github/report.js';

const SA_A = 'content/self-assessments/2023/don-vi-a.yaml';
const ref = { owner: 'so-noi-vu-tn', repo: 'chi-so-cchc' };
let repo: TestRepo;
let files: Files;
let main: string;
let head: string;
let dir: string;
let fake: FakeGithub;

beforeAll(async () => {
  repo = await TestRepo.create();
  files = baseFiles();
  main = await repo.commit(files, { branch: 'main' });
  const t = text(files, SA_A)
    .replace('  - code: "2.1.2"\n    score: 0\n    explanation: Chưa công khai kết quả đánh giá.',
      '  - code: "2.1.2"\n    score: 1\n    explanation: Đã công khai kết quả đánh giá tại Mục III, Thông báo số 20/TB-SNV.')
    .replace('Ban hành đúng hạn 46/50 văn bản (92%), minh chứng tại Mục II, Báo cáo số 55/BC-SNV.', 'Ban hành đúng hạn 46/50 văn bản, đạt 92%.');
  head = await repo.commit(edit(files, { [SA_A]: t }), { branch: 'cms/tu-danh-gia/don-vi-a', parents: [main] });
  dir = mkdtempSync(join(tmpdir(), 'parindex-pr-report-'));
  fake = new FakeGithub();
  await fake.start();
});
afterAll(async () => { repo?.remove(); rmSync(dir, { recursive: true, force: true }); await fake?.stop(); });
afterEach(() => {
  const failures = fake.failures.splice(0);
  expect(failures).toEqual([]);
});

function ctx(env: Record<string, string> = {}): CliContext & { text: () => string } {
  let out = '';
  return { root: repo.dir, env, out: (t) => { out += t; }, err: (t) => { out += t; }, now: () => new Date('2023-11-17T16:59:59+07:00'), text: () => out };
}

async function gateAndRender(author: string): Promise<{ decision: string; body: string }> {
  const decision = join(dir, `${author}.json`);
  await gateCli(['--base', main, '--head', head, '--author', author, '--json-out', decision, '--format', 'json'], ctx());
  const out = join(dir, `${author}.md`);
  const c = ctx({ GITHUB_SERVER_URL: 'https://github.com' });
  expect(await prReport(['render', '--decision', decision, '--repository', `${ref.owner}/${ref.repo}`, '--run-url', 'https://github.com/so-noi-vu-tn/chi-so-cchc/actions/runs/1', '--out', out], c), c.text()).toBe(0);
  return { decision, body: readFileSync(out, 'utf8') };
}

describe('the PR report', () => {
  it('shows scores by domain, the diff against main, findings and evidence links', async () => {
    const { body } = await gateAndRender('officer-a');
    expect(body.startsWith(`${COMMENT_MARKER}\n## ✅ Được nhập vào nhánh chính`)).toBe(true);
    expect(body).toContain('- Người gửi: `officer-a` — vai trò: đơn vị (đơn vị: don-vi-a)');
    expect(body).toContain('- Xét tại: 17/11/2023 16:59:59 (giờ Việt Nam)');
    expect(body).toContain('### Sở Thử nghiệm A tỉnh Thái Nguyên — năm 2023');
    expect(body).toContain('| 1. Công tác chỉ đạo, điều hành CCHC | 4 | 4 | 4 | 0 | 100 % |');
    expect(body).toContain('| 2. Cải cách chế độ công vụ | 2 | 0,5 | 1,5 | +1 | 75 % |');
    expect(body).toContain('| **Tổng** | 6 | 4,5 | 5,5 | +1 | 91,67 % |');
    expect(body).toContain('| 1.2 Tỉ lệ văn bản ban hành đúng hạn | 2 | 2 | 0 | giải trình |');
    expect(body).toContain('| 2.1.2 Công khai kết quả đánh giá | 0 | 1 | +1 | điểm, giải trình |');
    expect(body).toContain(`- 1.1 · 12/KH-SNV — Kế hoạch cải cách hành chính năm 2023 [tệp](https://github.com/so-noi-vu-tn/chi-so-cchc/blob/${head}/content/evidence/2023/don-vi-a/ke-hoach-12-kh-snv.pdf)`);
    expect(body).toContain('[liên kết](https://example.gov.vn/van-ban/101-qd-snv.pdf)');
    expect(body).toMatch(/### Kết quả kiểm tra dữ liệu: 0 lỗi, [1-9]\d* cảnh báo/);
    expect(body).toMatch(new RegExp(`\\| \\[content/self-assessments/2023/don-vi-a.yaml:\\d+\\]\\(https://github.com/so-noi-vu-tn/chi-so-cchc/blob/${head}/content/self-assessments/2023/don-vi-a.yaml#L\\d+\\) \\| cảnh báo \\| 1.2 \\|`));
    expect(body).toContain(`- sửa [\`${SA_A}\`]`);
    expect(body.length).toBeLessThan(COMMENT_LIMIT);
  });

  it('leads with the reasons when refused', async () => {
    const { body } = await gateAndRender('officer-b');
    expect(body).toContain('## ⛔ Bị từ chối: chưa được nhập vào nhánh chính');
    expect(body).toMatch(/### Lý do từ chối\n\n\| Vị trí \| Tiêu chí \| Lý do \|\n\|---\|---\|---\|\n\| \[content\/self-assessments\/2023\/don-vi-a.yaml\]\(.+\) \|  \| Tệp content\/self-assessments\/2023\/don-vi-a.yaml thuộc Sở Thử nghiệm A/);
  });

  it('stays under the comment limit, saying what it left out', async () => {
    const { decision } = await gateAndRender('officer-a');
    const gate = parseGateJson(readFileSync(decision, 'utf8'));
    const many = Array.from({ length: 4000 }, (_, i) => ({ rule: 'explanation-no-locator', severity: 'warning' as const, file: SA_A, line: i + 1, column: 1, code: '1.1', message: `Giải trình chưa nêu vị trí trong tài liệu kiểm chứng (${i}).` }));
    const model: ReportModel = { gate: { ...gate, findings: many }, units: [], links: { server: 'https://github.com', ...ref, runUrl: 'https://github.com/x/y/actions/runs/2' } };
    const body = renderReport(model);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toMatch(/_Còn \d+ phát hiện không hiển thị vì bình luận quá dài; xem đầy đủ tại https:\/\/github.com\/x\/y\/actions\/runs\/2._/);
    expect(renderReport(model)).toBe(body);
  });

  it('keeps data from breaking tables or mentioning people', () => {
    expect(cell('a | b\n<script>@admin')).toBe('a \\| b &lt;script&gt;@\u200badmin');
  });
});

describe('posting to GitHub', () => {
  it('creates one sticky comment, updates it in place, and sets the status Decap shows', async () => {
    const { decision, body } = await gateAndRender('officer-a');
    const commentFile = join(dir, 'comment.md');
    writeFileSync(commentFile, body);
    fake.pulls.set(3, { number: 3, headSha: head, headRef: 'cms/tu-danh-gia/don-vi-a', author: 'officer-a', labels: [], base: 'main' });
    fake.comments.push({ id: 1, issue: 3, body: 'Cảm ơn!', bot: false });
    const env = { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}` };
    const post = () => prReport(['post', '--pr', '3', '--sha', head, '--comment', commentFile, '--decision', decision], ctx(env));
    expect(await post()).toBe(0);
    expect(fake.comments.filter((c) => c.issue === 3)).toHaveLength(2);
    const mine = fake.comments.find((c) => c.body.startsWith(COMMENT_MARKER))!;
    expect(mine.body).toBe(body);
    expect(fake.statuses).toEqual([{ sha: head, state: 'success', context: STATUS_CONTEXT, description: 'Hợp lệ: bài được nhập vào nhánh chính.',
      target_url: `https://github.com/so-noi-vu-tn/chi-so-cchc/issues/1#issuecomment-${mine.id}` }]);

    writeFileSync(commentFile, body.replace('✅', '✅ '));
    expect(await post()).toBe(0);
    expect(fake.comments.filter((c) => c.body.startsWith(COMMENT_MARKER))).toHaveLength(1);
    expect(fake.comments.find((c) => c.id === mine.id)!.body).toContain('✅ ');
    fake.requests.length = 0;
    expect(await post()).toBe(0);
    expect(fake.requests.filter((q) => q.template.includes('comments') && q.method !== 'GET')).toEqual([]);
  });

  it('never posts a stale or foreign result', async () => {
    const { decision, body } = await gateAndRender('officer-a');
    const commentFile = join(dir, 'comment2.md');
    writeFileSync(commentFile, body);
    const env = { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}` };
    fake.pulls.set(4, { number: 4, headSha: '9'.repeat(40), headRef: 'x', author: 'officer-a', labels: [], base: 'main' });
    const before = fake.comments.length;
    const moved = ctx(env);
    expect(await prReport(['post', '--pr', '4', '--sha', head, '--comment', commentFile, '--decision', decision], moved)).toBe(0);
    expect(moved.text()).toContain('đã có commit mới');
    const other = ctx(env);
    expect(await prReport(['post', '--pr', '4', '--sha', '9'.repeat(40), '--comment', commentFile, '--decision', decision], other)).toBe(1);
    writeFileSync(commentFile, 'Chèn nội dung lạ');
    expect(await prReport(['post', '--pr', '3', '--sha', head, '--comment', commentFile, '--decision', decision], ctx(env))).toBe(1);
    expect(fake.comments.length).toBe(before);
  });

  it('keeps status descriptions within GitHub’s 140 characters', () => {
    expect(statusDescription({ allowed: false, reasons: 123456 }).length).toBeLessThanOrEqual(140);
  });

  it('prints the send time for the workflow (GITHUB_OUTPUT) and reads merge-queue branches', async () => {
    const sha = '3'.repeat(40);
    fake.pulls.set(5, { number: 5, headSha: sha, headRef: 'cms/x', author: 'officer-a', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.checkSuites.set(sha, ['2023-11-17T09:59:40Z']);
    fake.labelEvents.set(5, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T09:59:50Z' }]);
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    const env = { GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}`, GITHUB_OUTPUT: output };
    expect(await prReport(['submitted-at', '--pr', '5', '--sha', sha, '--github-output'], ctx(env))).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('submitted_at=2023-11-17T16:59:50+07:00\n');
    const q = ctx(env);
    expect(await prReport(['queue', '--head-ref', `refs/heads/gh-readonly-queue/main/pr-5-${sha}`], q)).toBe(0);
    expect(q.text()).toBe(`pr=5\nauthor=officer-a\npr_head_sha=${sha}\nsubmitted_at=2023-11-17T16:59:50+07:00\n`);
    expect(await prReport(['queue', '--head-ref', 'main'], ctx(env))).toBe(2);
  });
});
