// The demo campaign (issue 13, item 2): a new portal clone of this repository tells the 2023
// campaign as it would have happened, and every view that reads git — history, `score --at`,
// audit — tells the same story. The replay judges every send with the real gate here, so a
// scenario that drifted from the sample data or the rules fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClone } from '../../scripts/portal/clone.js';
import { evaluateGate } from '../../scripts/core/gate/index.js';
import { run as history } from '../../scripts/cli/history.js';
import { run as score } from '../../scripts/cli/score.js';
import { run as audit } from '../../scripts/cli/audit.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'parindex-replay-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

async function cli(command: typeof history, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = { root: REPO_ROOT, env: {}, out: (t) => { out += t; }, err: (t) => { err += t; }, now: () => new Date('2026-12-05T00:00:00Z') };
  const code = await command(args, ctx);
  return { code, out, err };
}

interface Sub { status: string; onTime: boolean | null; explanationRound: number | null; timeSource: string; time: string }
interface UnitLine { unit: string; submissions: Sub[] }

describe('the demo campaign in a new clone', () => {
  let clone: string;
  beforeAll(async () => {
    clone = join(root, 'full');
    const info = await ensureClone(REPO_ROOT, clone, { now: new Date('2026-12-05T00:00:00Z'), gate: evaluateGate });
    expect(info.replayed[0]).toContain('7 đơn vị đã gửi và được nhập, 1 bản nháp đang mở');
  }, 240_000);

  it('history: every send on time, the 16:59:50 send by its sealed send time, the reply in round 1', async () => {
    const r = await cli(history, ['--year', '2023', '--root', clone, '--format', 'json', '--no-github', '--no-cache']);
    expect(r.code, r.err).toBe(0);
    const units = (JSON.parse(r.out) as { units: UnitLine[] }).units;
    expect(units.map((u) => u.unit).sort()).toEqual(['ban-dan-toc', 'huyen-vo-nhai', 'so-noi-vu', 'so-tu-phap', 'so-y-te', 'tp-pho-yen', 'tp-thai-nguyen']);
    for (const u of units) for (const s of u.submissions) expect(s.onTime, `${u.unit} ${s.time}`).toBe(true);
    const bdt = units.find((u) => u.unit === 'ban-dan-toc')!.submissions;
    expect(bdt.map((s) => [s.time, s.timeSource])).toEqual([['2023-11-17T16:59:50+07:00', 'submitted']]);
    const syt = units.find((u) => u.unit === 'so-y-te')!.submissions;
    expect(syt.map((s) => [s.time, s.explanationRound])).toEqual([['2023-11-14T10:05:00+07:00', null], ['2023-11-29T15:30:00+07:00', 1]]);
    // The late send never reached main; its draft is still there.
    expect(git(clone, 'branch', '--list', 'cms/*')).toBe('cms/self-assessments-2023/huyen-dai-tu');
  });

  it('score --at the lock takes the snapshot with the seven sends, and audit agrees with the gate', async () => {
    const r = await cli(score, ['--year', '2023', '--at', '2023-11-17T17:00+07:00', '--root', clone, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.stringify(JSON.parse(r.out))).not.toContain('huyen-dai-tu');
    for (const unit of ['so-noi-vu', 'ban-dan-toc', 'tp-pho-yen']) expect(r.out).toContain(unit);
    const a = await cli(audit, ['--unit', 'ban-dan-toc', '--year', '2023', '--root', clone, '--no-github', '--no-cache']);
    expect(a.code, a.err).toBe(0);
    expect(a.out).not.toContain('SAU HẠN KHÓA');
    expect(a.out).not.toContain('bỏ qua thời điểm gửi');
  });
});

describe('at the README\'s clock (10/11/2023 09:00)', () => {
  it('only the sends before it are on main; the drafts begun before it are open drafts', async () => {
    const clone = join(root, 'early');
    await ensureClone(REPO_ROOT, clone, { now: new Date('2023-11-10T09:00:00+07:00') });
    expect(git(clone, 'log', '--first-parent', '--format=%s', 'main').split('\n')).toEqual([
      "Merge branch 'cms/self-assessments-2023/tp-thai-nguyen'",
      "Merge branch 'cms/self-assessments-2023/so-noi-vu'",
      'Mở đợt đánh giá năm 2023: bộ tiêu chí, đợt đánh giá, danh mục đơn vị',
    ]);
    expect(git(clone, 'branch', '--list', 'cms/*').split('\n').map((b) => b.trim()).sort()).toEqual([
      'cms/self-assessments-2023/huyen-vo-nhai', 'cms/self-assessments-2023/so-tu-phap', 'cms/self-assessments-2023/so-y-te',
    ]);
    expect(git(clone, 'config', 'branch.cms/self-assessments-2023/so-y-te.description')).toBe('draft');
    expect(git(clone, 'status', '--porcelain')).toBe('');
    // Results are not published before the decision.
    expect(git(clone, 'show', 'main:content/campaigns/2023.yaml')).toContain('status: unpublished');
  }, 120_000);
});
