// The gate on real git repositories: ownership, renames across units, registry files, the
// campaign clock at the deadline (local time and UTC), send times, explanation rounds and
// validation. Each case commits a branch and judges it exactly as `parindex gate` does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateGate, type GateDecision } from '../../scripts/core/gate/index.js';
import { openLocalChange } from '../../scripts/io/git-change.js';
import { parseInstant } from '../../scripts/core/time.js';
import { TestRepo, baseFiles, edit, text, type Files } from './git-repo.js';

const SA_A = 'content/self-assessments/2023/don-vi-a.yaml';
const SA_B = 'content/self-assessments/2023/don-vi-b.yaml';
const EV_A = 'content/evidence/2023/don-vi-a';
const APPRAISAL_A = 'content/appraisals/2023/don-vi-a.yaml';

const APPRAISAL = `unit: don-vi-a
year: 2023
framework: fw-so-2023
items:
  - code: "1.1"
    round1: { score: 1, remark: "Chưa có sản phẩm của nhiệm vụ 12.", requestExplanation: true }
  - code: "1.2"
    round1: { score: 2 }
  - code: "1.3"
    round1: { score: 0 }
  - code: "2.1.1"
    round1: { score: 0.5 }
  - code: "2.1.2"
    round1: { score: 0 }
`;

const at = (s: string) => {
  const d = parseInstant(s);
  if (!d) throw new Error(`bad instant ${s}`);
  return d;
};

let repo: TestRepo;
let files: Files;
let main: string;
let mainWithAppraisal: string;
let branchNo = 0;

beforeAll(async () => {
  repo = await TestRepo.create();
  files = baseFiles();
  main = await repo.commit(files, { branch: 'main', message: 'Dữ liệu ban đầu', date: '2023-10-01T08:00:00+07:00' });
  mainWithAppraisal = await repo.commit(edit(files, { [APPRAISAL_A]: APPRAISAL }), {
    branch: 'main-tham-dinh', parents: [main], message: 'Thẩm định đợt 1', date: '2023-11-25T08:00:00+07:00',
  });
});
afterAll(() => repo?.remove());

interface Judge {
  author: string;
  now: string;
  submittedAt?: string;
  base?: string;
  baseFiles?: Files;
  teams?: string[];
  commitDate?: string;
}

async function judge(head: Files, o: Judge): Promise<GateDecision & { changes: { path: string; status: string; previousPath?: string }[] }> {
  const base = o.base ?? main;
  const headOid = await repo.commit(head, { branch: `nhanh-${++branchNo}`, parents: [base], date: o.commitDate });
  const change = await openLocalChange(repo.dir, base, headOid);
  const decision = await evaluateGate({
    base: change.baseSource, head: change.view, changes: change.changes, author: o.author, now: at(o.now),
    ...(o.submittedAt ? { submittedAt: at(o.submittedAt) } : {}),
    ...(o.teams ? { teams: () => o.teams! } : {}),
  });
  return { ...decision, changes: change.changes };
}

const rules = (d: GateDecision) => d.reasons.map((r) => r.rule);
const withExplanation = (f: Files, code: string, explanation: string) => {
  const t = text(f, SA_A);
  const re = new RegExp(`(- code: "${code.replace(/\./g, '\\.')}"\\n(?:    .*\\n)*?    explanation: )(?:>-\\n(?:      .*\\n)+|.*\\n)`);
  if (!re.test(t)) throw new Error(`no explanation for ${code}`);
  return edit(f, { [SA_A]: t.replace(re, `$1${explanation}\n`) });
};
const replaceIn = (f: Files, path: string, from: string, to: string) => {
  const t = text(f, path);
  if (!t.includes(from)) throw new Error(`"${from}" not in ${path}`);
  return edit(f, { [path]: t.replace(from, to) });
};

const IN_WINDOW = '2023-11-10T10:00:00+07:00';
const NEW_EXPLANATION = 'Năm 2023 Sở thực hiện 23/23 nhiệm vụ, đạt 100%, minh chứng tại Khoản 11, Mục I, Báo cáo số 55/BC-SNV và Bảng thống kê kèm Báo cáo số 56/BC-SNV.';

describe('ownership', () => {
  it('lets an officer change their own unit’s self-assessment in the window', async () => {
    const d = await judge(withExplanation(files, '1.1', NEW_EXPLANATION), { author: 'officer-a', now: IN_WINDOW });
    expect(d.reasons).toEqual([]);
    expect(d.allowed).toBe(true);
    expect(d.role).toBe('unit');
    expect(d.units).toEqual(['don-vi-a']);
    expect(d.changes).toEqual([{ path: SA_A, status: 'modified' }]);
  });

  it('matches logins case-insensitively and teams written with or without the organisation', async () => {
    const head = withExplanation(files, '1.1', NEW_EXPLANATION);
    expect((await judge(head, { author: 'Officer-A', now: IN_WINDOW })).allowed).toBe(true);
    const byTeam = await judge(head, { author: 'someone-new', now: IN_WINDOW, teams: ['thai-nguyen/don-vi-a'] });
    expect(byTeam.allowed).toBe(true);
    expect(byTeam.units).toEqual(['don-vi-a']);
  });

  it('refuses another unit’s officer, naming the unit', async () => {
    const d = await judge(withExplanation(files, '1.1', NEW_EXPLANATION), { author: 'officer-b', now: IN_WINDOW });
    expect(d.allowed).toBe(false);
    expect(rules(d)).toEqual(['gate-not-owner']);
    expect(d.reasons[0]!.file).toBe(SA_A);
    expect(d.reasons[0]!.message).toContain('Sở Thử nghiệm A tỉnh Thái Nguyên');
  });

  it('refuses deleting another unit’s evidence', async () => {
    const d = await judge(edit(files, { [`${EV_A}/chua-ky.pdf`]: null }), { author: 'officer-b', now: IN_WINDOW });
    expect(d.changes).toEqual([{ path: `${EV_A}/chua-ky.pdf`, status: 'removed' }]);
    expect(rules(d)).toEqual(['gate-not-owner']);
  });

  it('detects a rename across units and refuses it, even for the owner of the source', async () => {
    const pdf = files.get(`${EV_A}/bang-thong-ke.pdf`)!;
    const head = edit(files, { [`${EV_A}/bang-thong-ke.pdf`]: null, 'content/evidence/2023/don-vi-b/bang-thong-ke.pdf': pdf });
    for (const author of ['officer-a', 'officer-b', 'admin-snv']) {
      const d = await judge(head, { author, now: IN_WINDOW });
      expect(d.changes).toContainEqual({ path: 'content/evidence/2023/don-vi-b/bang-thong-ke.pdf', status: 'renamed', previousPath: `${EV_A}/bang-thong-ke.pdf` });
      expect(d.allowed).toBe(false);
      expect(rules(d)).toContain('gate-cross-unit-move');
    }
  });

  it('detects an edited move of a self-assessment into another unit’s name', async () => {
    const moved = text(files, SA_A).replace('Nguyễn Thị Hoa', 'Nguyễn Thị Hòa');
    const d = await judge(edit(files, { [SA_A]: null, [SA_B]: moved }), { author: 'officer-a', now: IN_WINDOW });
    expect(d.changes).toEqual([{ path: SA_B, status: 'renamed', previousPath: SA_A }]);
    expect(rules(d)).toContain('gate-cross-unit-move');
  });

  it('refuses a framework change by an officer and accepts it from an admin', async () => {
    const head = replaceIn(files, 'content/frameworks/fw-so-2023.yaml', 'title: Thực hiện kế hoạch CCHC', 'title: Thực hiện Kế hoạch cải cách hành chính');
    const officer = await judge(head, { author: 'officer-a', now: IN_WINDOW });
    expect(rules(officer)).toEqual(['gate-admin-only']);
    expect(officer.reasons[0]!.file).toBe('content/frameworks/fw-so-2023.yaml');
    const admin = await judge(head, { author: 'admin-snv', now: IN_WINDOW });
    expect(admin.allowed).toBe(true);
    expect(admin.role).toBe('admin');
    // Changing a framework while units are working is allowed but said out loud.
    expect(admin.notes.map((n) => n.rule)).toContain('gate-admin-during-window');
    const byTeam = await judge(head, { author: 'tp-cchc', now: IN_WINDOW, teams: ['so-noi-vu-cchc'] });
    expect(byTeam.allowed).toBe(true);
  });

  it('keeps units, campaigns, access, code and workflows for admins', async () => {
    for (const [path, from, to] of [
      ['content/units/don-vi-a.yaml', 'users: [officer-a]', 'users: [officer-a, ke-la]'],
      ['content/campaigns/2023.yaml', 'end: "2023-11-17T17:00"', 'end: "2023-11-30T17:00"'],
      ['content/access.yaml', 'users: [admin-snv]', 'users: [admin-snv, officer-a]'],
    ] as const) {
      const d = await judge(replaceIn(files, path, from, to), { author: 'officer-a', now: IN_WINDOW });
      expect(rules(d), path).toEqual(['gate-admin-only']);
    }
    const wf = await judge(edit(files, { '.github/workflows/x.yml': 'name: x\n', 'README.md': '# Khác\n' }), { author: 'officer-a', now: IN_WINDOW });
    expect(rules(wf)).toEqual(['gate-admin-only', 'gate-admin-only']);
  });

  it('judges rights from the base registry: a change cannot grant its own author access', async () => {
    const head = edit(replaceIn(files, 'content/units/don-vi-a.yaml', 'users: [officer-a]', 'users: [officer-a, officer-b]'), {
      [SA_A]: text(withExplanation(files, '1.1', NEW_EXPLANATION), SA_A),
    });
    const d = await judge(head, { author: 'officer-b', now: IN_WINDOW });
    expect(rules(d).sort()).toEqual(['gate-admin-only', 'gate-not-owner']);
  });

  it('refuses an author the registry does not know, once', async () => {
    const d = await judge(withExplanation(files, '1.1', NEW_EXPLANATION), { author: 'nguoi-la', now: IN_WINDOW });
    expect(d.role).toBe('unknown');
    expect(rules(d)).toEqual(['gate-unknown-author']);
  });

  it('lets the council write appraisals and nothing else', async () => {
    const withAppraisal = edit(files, { [APPRAISAL_A]: APPRAISAL });
    const council = await judge(withAppraisal, { author: 'council-1', now: '2023-11-25T08:00:00+07:00' });
    expect(council.reasons).toEqual([]);
    expect(council.role).toBe('council');
    expect(rules(await judge(withAppraisal, { author: 'officer-a', now: '2023-11-25T08:00:00+07:00' }))).toEqual(['gate-council-only']);
    const councilOnSelf = await judge(withExplanation(files, '1.1', NEW_EXPLANATION), { author: 'council-1', now: IN_WINDOW });
    expect(rules(councilOnSelf)).toEqual(['gate-not-owner']);
  });

  it('lets an admin seed a unit’s file before the window opens, never after', async () => {
    const head = withExplanation(files, '1.1', NEW_EXPLANATION);
    const before = await judge(head, { author: 'admin-snv', now: '2023-10-31T23:59:59+07:00' });
    expect(before.allowed).toBe(true);
    const during = await judge(head, { author: 'admin-snv', now: '2023-11-01T00:00:00+07:00' });
    expect(rules(during)).toEqual(['gate-admin-unit-file']);
    const after = await judge(head, { author: 'admin-snv', now: '2024-01-05T10:00:00+07:00' });
    expect(rules(after)).toEqual(['gate-admin-unit-file']);
  });
});

describe('the deadline (17/11/2023 17:00, Asia/Ho_Chi_Minh)', () => {
  let head: Files;
  beforeAll(() => { head = withExplanation(files, '1.1', NEW_EXPLANATION); });

  it.each([
    ['2023-11-17T16:59:59+07:00', true],
    ['2023-11-17T17:00:00+07:00', false],
    ['2023-11-17T09:59:59Z', true],
    ['2023-11-17T10:00:00Z', false],
    ['2023-11-17T16:59:59', true], // local wall-clock time, read in the campaign's zone
    ['2023-11-17T17:00:00', false],
    ['2023-11-01T00:00:00+07:00', true],
    ['2023-10-31T16:59:59Z', false],
  ])('now = %s → allowed %s', async (now, allowed) => {
    const d = await judge(head, { author: 'officer-a', now });
    expect(d.allowed).toBe(allowed);
    if (!allowed) expect(rules(d)).toEqual(['gate-window-closed']);
  });

  it('says when the window closed, in local time', async () => {
    const d = await judge(head, { author: 'officer-a', now: '2023-11-17T17:00:00+07:00' });
    expect(d.reasons[0]!.message).toContain('17/11/2023 17:00');
    expect(d.reasons[0]!.message).toContain('17/11/2023 17:00:00 (giờ Việt Nam)');
    const early = await judge(head, { author: 'officer-a', now: '2023-10-20T10:00:00+07:00' });
    expect(early.reasons[0]!.message).toContain('mở từ 01/11/2023 00:00');
  });

  it('accepts a send at 16:59:50 that merges at 17:00:20, and says so', async () => {
    const d = await judge(head, { author: 'officer-a', now: '2023-11-17T17:00:20+07:00', submittedAt: '2023-11-17T16:59:50+07:00' });
    expect(d.allowed).toBe(true);
    expect(d.judgedAt).toBe('2023-11-17T09:59:50.000Z');
    expect(d.notes.map((n) => n.rule)).toEqual(['gate-late-merge']);
    expect(d.notes[0]!.message).toContain('16:59:50');
  });

  it('refuses a commit pushed after 17:00 however its commit date reads', async () => {
    const d = await judge(head, { author: 'officer-a', now: '2023-11-17T17:00:20+07:00', submittedAt: '2023-11-17T17:00:05+07:00', commitDate: '2023-11-17T16:30:00+07:00' });
    expect(rules(d)).toEqual(['gate-window-closed']);
    const noSend = await judge(head, { author: 'officer-a', now: '2023-11-17T17:00:01+07:00', commitDate: '2023-11-17T16:00:00+07:00' });
    expect(rules(noSend)).toEqual(['gate-window-closed']);
  });

  it('never lets a send time later than now help', async () => {
    const d = await judge(head, { author: 'officer-a', now: '2023-11-17T17:00:01+07:00', submittedAt: '2023-11-18T10:00:00+07:00' });
    expect(rules(d)).toEqual(['gate-window-closed']);
    expect(d.notes.map((n) => n.rule)).toEqual(['gate-submitted-ignored']);
  });

  it('refuses a year without a campaign', async () => {
    const d = await judge(edit(files, { 'content/self-assessments/2024/don-vi-a.yaml': text(files, SA_A).replace('year: 2023', 'year: 2024') }), { author: 'officer-a', now: IN_WINDOW });
    expect(rules(d)).toContain('gate-no-campaign');
  });
});

describe('explanation rounds', () => {
  const ROUND1 = '2023-11-28T10:00:00+07:00';
  let base: Files;
  beforeAll(() => { base = edit(files, { [APPRAISAL_A]: APPRAISAL }); });
  const j = (head: Files, now = ROUND1) => judge(head, { author: 'officer-a', now, base: mainWithAppraisal });

  it('accepts a new explanation and new evidence for a flagged item', async () => {
    const pdf = base.get(`${EV_A}/bang-thong-ke.pdf`)!;
    let head = withExplanation(base, '1.1', NEW_EXPLANATION);
    head = replaceIn(head, SA_A, `        locator: trang 1
        statisticsTable: true`, `        locator: trang 1
        statisticsTable: true
      - number: 57/BC-SNV
        date: "2023-11-27"
        issuer: Sở Thử nghiệm A
        title: Sản phẩm của nhiệm vụ 12
        file: content/evidence/2023/don-vi-a/san-pham-12.pdf
        sha256: 2c8f102c27a9b875b34802f2b43a35757018258ea244eab22e76a2ec105239cf
        locator: trang 2`);
    head = edit(head, { [`${EV_A}/san-pham-12.pdf`]: pdf });
    const d = await j(head);
    expect(d.reasons).toEqual([]);
    expect(d.allowed).toBe(true);
  });

  it('accepts a lower score on a flagged item and refuses a higher one', async () => {
    const lower = await j(replaceIn(base, SA_A, '- code: "1.1"\n    score: 2', '- code: "1.1"\n    score: 1'));
    expect(lower.reasons.filter((r) => r.rule.startsWith('gate-') && r.rule !== 'gate-validation')).toEqual([]);
    const raised = await j(replaceIn(base, SA_A, '- code: "2.1.1"\n    score: 0.5', '- code: "2.1.1"\n    score: 1'));
    expect(rules(raised)).toEqual(['gate-score-raised']);
    expect(raised.reasons[0]!.code).toBe('2.1.1');
    expect(raised.reasons[0]!.message).toContain('0,5 → 1');
    expect(raised.reasons[0]!.line).toBe(text(base, SA_A).split('\n').findIndex((l) => l.includes('score: 0.5')) + 1);
  });

  it('accepts changes to a deferred leaf’s explanation (data supplemented in round 2)', async () => {
    const d = await j(withExplanation(base, '2.1.1', 'Đánh giá, xếp loại công chức chậm 3 ngày, minh chứng tại Điều 2, Quyết định số 101/QĐ-SNV.'));
    expect(d.allowed).toBe(true);
  });

  it('refuses any change to an item the council did not flag', async () => {
    const d = await j(withExplanation(base, '1.2', 'Ban hành đúng hạn 47/50 văn bản (94%), minh chứng tại Mục II, Báo cáo số 55/BC-SNV.'));
    expect(rules(d)).toEqual(['gate-explanation-not-flagged']);
    expect(d.reasons[0]!.code).toBe('1.2');
    expect(d.reasons[0]!.file).toBe(SA_A);
    expect(d.reasons[0]!.line).toBeGreaterThan(40);
  });

  it('refuses fields other than explanation, evidence and score on a flagged item', async () => {
    const d = await j(replaceIn(base, SA_A, '- code: "2.1.1"\n    score: 0.5', '- code: "2.1.1"\n    score: 0.5\n    figures: { days: 3 }'));
    expect(rules(d)).toContain('gate-explanation-field');
  });

  it('refuses adding or removing items and changing the header', async () => {
    const t = text(base, SA_A);
    const removed = await j(edit(base, { [SA_A]: t.slice(0, t.indexOf('  - code: "2.1.2"')) }));
    expect(rules(removed)).toContain('gate-items-changed');
    expect(removed.reasons.find((r) => r.rule === 'gate-items-changed')!.code).toBe('2.1.2');
    const header = await j(replaceIn(base, SA_A, 'name: Nguyễn Thị Hoa', 'name: Trần Văn Hùng'));
    expect(rules(header)).toEqual(['gate-header-changed']);
    expect(header.reasons[0]!.line).toBe(5);
  });

  it('freezes evidence files that unflagged items cite', async () => {
    const pdf = base.get(`${EV_A}/bang-thong-ke.pdf`)!;
    // bao-cao-55 is cited by 1.1 (flagged) and 1.2 (not): replacing it would change 1.2's proof.
    const d = await j(edit(base, { [`${EV_A}/bao-cao-55-bc-snv.pdf`]: pdf }));
    const reason = d.reasons.find((r) => r.rule === 'gate-explanation-file');
    expect(reason?.message).toContain('1.2');
    expect(reason?.file).toBe(`${EV_A}/bao-cao-55-bc-snv.pdf`);
  });

  it('refuses deleting the self-assessment in a round', async () => {
    const d = await j(edit(base, { [SA_A]: null }));
    expect(rules(d)).toContain('gate-explanation-file');
  });

  it('closes between rounds and after the last one', async () => {
    const head = withExplanation(base, '1.1', NEW_EXPLANATION);
    expect(rules(await j(head, '2023-11-20T10:00:00+07:00'))).toEqual(['gate-window-closed']);
    expect((await j(head, '2023-12-01T16:59:59+07:00')).allowed).toBe(true);
    expect(rules(await j(head, '2023-12-01T17:00:00+07:00'))).toEqual(['gate-window-closed']);
    expect((await j(head, '2023-12-10T23:59:59+07:00')).allowed).toBe(true);
    expect(rules(await j(head, '2023-12-11T00:00:00+07:00'))).toEqual(['gate-window-closed']);
  });
});

describe('validation', () => {
  it('refuses errors in the changed self-assessment with file, line and criterion', async () => {
    const head = replaceIn(files, SA_A, '- code: "1.1"\n    score: 2', '- code: "1.1"\n    score: 5');
    const d = await judge(head, { author: 'officer-a', now: IN_WINDOW });
    expect(d.allowed).toBe(false);
    const r = d.reasons.find((x) => x.rule === 'gate-validation')!;
    expect(r).toMatchObject({ file: SA_A, code: '1.1', line: text(head, SA_A).split('\n').indexOf('    score: 5') + 1 });
    expect(d.findings.some((f) => f.rule === 'score-above-max' && f.code === '1.1')).toBe(true);
  });

  it('does not refuse warnings', async () => {
    const d = await judge(withExplanation(files, '1.2', 'Ban hành đúng hạn 46/50 văn bản, đạt 92%.'), { author: 'officer-a', now: IN_WINDOW });
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(d.allowed).toBe(true);
  });

  it('validates the self-assessment an evidence change belongs to', async () => {
    const d = await judge(edit(files, { [`${EV_A}/bang-thong-ke.pdf`]: new TextEncoder().encode('%PDF-1.4 giả\n') }), { author: 'officer-a', now: IN_WINDOW });
    expect(d.allowed).toBe(false);
    expect(d.reasons.some((r) => r.rule === 'gate-validation' && r.file === SA_A)).toBe(true);
  });

  it('refuses a framework change that breaks a unit’s file, not one that finds old breakage', async () => {
    const broken = replaceIn(files, 'content/frameworks/fw-so-2023.yaml', 'code: "1.3"', 'code: "1.4"');
    const d = await judge(broken, { author: 'admin-snv', now: '2023-10-20T10:00:00+07:00' });
    expect(d.allowed).toBe(false);
    expect(d.reasons.some((r) => r.rule === 'gate-broken-elsewhere' && r.file === SA_A)).toBe(true);

    // A base where unit B's file is already broken: an unrelated admin change still passes.
    const bBroken = edit(files, { [SA_B]: 'unit: don-vi-b\nyear: 2023\nframework: fw-huyen-2023\npreparedBy: { name: Lê Văn B }\nitems:\n  - { code: "9.9", score: 1 }\n' });
    const brokenMain = await repo.commit(bBroken, { branch: 'main-hong', parents: [main] });
    const title = replaceIn(bBroken, 'content/campaigns/2023.yaml', 'title: Xác định Chỉ số CCHC năm 2023 (thử nghiệm)', 'title: Xác định Chỉ số CCHC năm 2023');
    const ok = await judge(title, { author: 'admin-snv', now: '2023-10-20T10:00:00+07:00', base: brokenMain });
    expect(ok.reasons).toEqual([]);
    expect(ok.allowed).toBe(true);
  });

  it('judges the merge result when main moved on after the branch started', async () => {
    const bFile = 'unit: don-vi-b\nyear: 2023\nframework: fw-huyen-2023\npreparedBy: { name: Lê Văn Bình }\nitems: []\n';
    const oldMain = main;
    const branch = await repo.commit(withExplanation(files, '1.1', NEW_EXPLANATION), { branch: 'nhanh-cu', parents: [oldMain] });
    const newMain = await repo.commit(edit(files, { [SA_B]: bFile }), { branch: 'main-moi', parents: [oldMain] });
    const change = await openLocalChange(repo.dir, newMain, branch);
    expect(change.changes).toEqual([{ path: SA_A, status: 'modified' }]);
    expect(await change.view.read(SA_B)).not.toBeNull();
    const d = await evaluateGate({ base: change.baseSource, head: change.view, changes: change.changes, author: 'officer-a', now: at(IN_WINDOW) });
    expect(d.allowed).toBe(true);
  });
});
