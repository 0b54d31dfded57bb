// The lock against a local GitHub validated by GitHub's OpenAPI description: the ruleset is
// created, flipped at the boundary instants by read-modify-write, left alone when already right,
// and on-time sends are merged after the lock. Also: the fake itself refuses what GitHub would.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGithub } from './fake-github.js';
import { runLock } from '../../scripts/github/lock.js';
import { LOCK_RULESET, CHECK_CONTEXT, lockBypassActors } from '../../scripts/github/rulesets.js';
import { submissionTime } from '../../scripts/github/submitted.js';
import { generateSealKeyPair, loadSealPrivateKey, sealTrust, verifySeal } from '../../scripts/core/history/seal.js';
import type { Campaign, Access } from '../../scripts/core/model.js';
import { parseYaml } from '../../scripts/core/load/yaml.js';
import { baseText } from '../helpers/fixtures.js';
import { ACCESS_YAML } from '../gate/git-repo.js';
import { run as lockCli } from '../../scripts/cli/lock.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { join } from 'node:path';

const campaign = parseYaml(baseText('content/campaigns/2023.yaml'), 'c').data as Campaign;
const access = parseYaml(ACCESS_YAML, 'a').data as Access;
const ref = { owner: 'so-noi-vu-tn', repo: 'chi-so-cchc' };

let fake: FakeGithub;
beforeAll(async () => { fake = new FakeGithub(); await fake.start(); });
afterAll(async () => { await fake?.stop(); });
beforeEach(() => {
  fake.rulesets.clear();
  fake.pulls.clear();
  fake.requests.length = 0;
  fake.teams.set('hoi-dong-tham-dinh', { id: 41, members: new Set(['council-1']) });
  fake.teams.set('so-noi-vu-cchc', { id: 42, members: new Set(['admin-snv']) });
  fake.apps.set('parindex-bot', 9001);
});
afterEach(() => {
  const failures = fake.failures.splice(0);
  expect(failures).toEqual([]);
});

const lock = (iso: string, extra: Partial<Parameters<typeof runLock>[2]> = {}) => {
  const lines: string[] = [];
  return runLock(fake.client(), ref, { campaigns: [campaign], access, now: () => new Date(iso), log: (l) => lines.push(l), ...extra })
    .then((runs) => ({ runs, lines }));
};
const lockRuleset = () => [...fake.rulesets.values()].find((r) => r.name === LOCK_RULESET);

describe('npm run lock against GitHub', () => {
  it('creates the lock ruleset with the bot and the council/admin teams as bypass actors', async () => {
    const { runs } = await lock('2023-11-17T17:00:00+07:00');
    expect(runs[0]!.action).toBe('created');
    const r = lockRuleset()!;
    expect(r).toMatchObject({ target: 'branch', enforcement: 'active', rules: [{ type: 'update', parameters: { update_allows_fetch_and_merge: false } }],
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } } });
    expect(r.bypass_actors).toEqual([
      { actor_id: 9001, actor_type: 'Integration', bypass_mode: 'always' },
      { actor_id: 41, actor_type: 'Team', bypass_mode: 'pull_request' },
      { actor_id: 42, actor_type: 'Team', bypass_mode: 'pull_request' },
    ]);
  });

  it('flips at 17:00:00 local (10:00:00 UTC) and is idempotent', async () => {
    await lock('2023-11-17T16:59:59+07:00');
    expect(lockRuleset()!.enforcement).toBe('disabled');
    fake.requests.length = 0;
    const again = await lock('2023-11-17T09:59:59Z');
    expect(again.runs[0]!.action).toBe('unchanged');
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const flip = await lock('2023-11-17T10:00:00Z');
    expect(flip.runs[0]!.action).toBe('updated');
    expect(lockRuleset()!.enforcement).toBe('active');
    expect(flip.lines.join('\n')).toContain('disabled → active');
  });

  it('keeps what an admin tuned by hand: only enforcement changes', async () => {
    await lock('2023-11-17T17:00:00+07:00');
    const r = lockRuleset()!;
    r.bypass_actors = [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }];
    r.conditions = { ref_name: { include: ['~DEFAULT_BRANCH', 'refs/heads/release'], exclude: [] } };
    await lock('2023-11-27T08:00:00+07:00');
    expect(lockRuleset()).toMatchObject({ enforcement: 'disabled', bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH', 'refs/heads/release'] } } });
    const put = fake.requests.find((q) => q.method === 'PUT')!;
    expect(Object.keys(put.body as object).sort()).toEqual(['bypass_actors', 'conditions', 'enforcement', 'name', 'rules', 'target']);
  });

  it('dry run reads but never writes', async () => {
    const { runs, lines } = await lock('2023-11-17T17:00:00+07:00', { dryRun: true });
    expect(runs[0]!.action).toBe('created');
    expect(fake.rulesets.size).toBe(0);
    expect(fake.requests.every((q) => q.method === 'GET')).toBe(true);
    expect(lines.join('\n')).toContain('[thử] sẽ tạo ruleset “parindex: khóa nộp bài” ở trạng thái active');
  });

  it('waits for a change due soon and applies it at the exact instant', async () => {
    let clock = new Date('2023-11-17T16:50:00+07:00').getTime();
    const slept: number[] = [];
    const { runs } = await lock('', { now: () => new Date(clock), waitMinutes: 15, sleep: async (ms) => { slept.push(ms); clock += ms; } });
    expect(slept).toEqual([10 * 60_000 + 1000]);
    expect(runs.map((r) => r.plan.active)).toEqual([false, true]);
    expect(lockRuleset()!.enforcement).toBe('active');
  });

  it('merges sends made before the deadline after the lock, and only those', async () => {
    const onTime = 'd'.repeat(40);
    const late = 'e'.repeat(40);
    const failing = 'f'.repeat(40);
    fake.pulls.set(7, { number: 7, headSha: onTime, headRef: 'cms/tu-danh-gia/don-vi-a', author: 'officer-a', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.pulls.set(8, { number: 8, headSha: late, headRef: 'cms/tu-danh-gia/don-vi-b', author: 'officer-b', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.pulls.set(9, { number: 9, headSha: failing, headRef: 'cms/tu-danh-gia/don-vi-c', author: 'officer-c', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.pulls.set(10, { number: 10, headSha: '1'.repeat(40), headRef: 'cms/tu-danh-gia/nhap', author: 'officer-d', labels: ['decap-cms/draft'], base: 'main' });
    fake.checkSuites.set(onTime, ['2023-11-17T09:40:00Z']);
    fake.labelEvents.set(7, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T09:59:50Z' }]);
    fake.checkSuites.set(late, ['2023-11-17T09:30:00Z']);
    fake.labelEvents.set(8, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T10:00:05Z' }]);
    fake.checkSuites.set(failing, ['2023-11-17T09:30:00Z']);
    fake.labelEvents.set(9, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T09:50:00Z' }]);
    for (const sha of [onTime, late]) fake.checkRuns.set(sha, [{ name: CHECK_CONTEXT, conclusion: 'success', appId: 9001 }]);
    // An Actions job named parindex/gate (a workflow the pull request added) reports success:
    // only the province App's verdict counts.
    fake.checkRuns.set(failing, [{ name: CHECK_CONTEXT, conclusion: 'failure', appId: 9001 }, { name: CHECK_CONTEXT, conclusion: 'success' }]);

    const keys = generateSealKeyPair();
    const { runs, lines } = await lock('2023-11-17T17:00:20+07:00', { sweep: true, sealKey: loadSealPrivateKey(keys.privateKeyPem) });
    expect(runs[0]!.merged).toEqual([7]);
    expect(fake.pulls.get(7)!.merged).toBe(true);
    expect(fake.pulls.get(8)!.merged).toBeFalsy();
    expect(fake.pulls.get(9)!.merged).toBeFalsy();
    const merge = fake.requests.find((q) => q.method === 'PUT' && q.template.endsWith('/merge'))!;
    expect(merge.body).toMatchObject({ sha: onTime, merge_method: 'merge' });
    expect(lines.join('\n')).toContain('Nhập #7: gửi lúc 17/11/2023 16:59:50, trước hạn 17/11/2023 17:00.');
    // The message GitHub writes into the merge commit (parents: main's tip, the head) carries a
    // seal history trusts, by the bot GitHub names as the merge's author.
    const message = (merge.body as { commit_message: string }).commit_message;
    const bot = { name: 'parindex-bot[bot]', email: '9001+parindex-bot[bot]@users.noreply.github.com', timestamp: 0, tz: '+0000' };
    const commit = { parents: ['a'.repeat(40), onTime], message, author: bot, committer: { ...bot, name: 'GitHub', email: 'noreply@github.com' } };
    expect(verifySeal(commit, sealTrust([access.mergeBot], [keys.publicKey]))).toMatchObject({ trusted: true, submittedAt: new Date('2023-11-17T09:59:50Z') });
  });

  it('merges nothing on a success that only GitHub Actions reported', async () => {
    const sha = '3'.repeat(40);
    fake.pulls.set(12, { number: 12, headSha: sha, headRef: 'cms/tu-danh-gia/don-vi-a', author: 'officer-a', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.checkSuites.set(sha, ['2023-11-17T09:40:00Z']);
    fake.labelEvents.set(12, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T09:50:00Z' }]);
    fake.checkRuns.set(sha, [{ name: CHECK_CONTEXT, conclusion: 'success' }]);
    const { runs, lines } = await lock('2023-11-17T17:00:20+07:00', { sweep: true });
    expect(runs[0]!.merged).toEqual([]);
    expect(lines.join('\n')).toContain('không có khóa niêm phong');
  });
});

describe('send time', () => {
  it('is the later of the head’s first check suite and the ready label', async () => {
    const sha = '2'.repeat(40);
    fake.pulls.set(11, { number: 11, headSha: sha, headRef: 'x', author: 'officer-a', labels: ['decap-cms/pending_publish'], base: 'main' });
    fake.checkSuites.set(sha, ['2023-11-17T09:59:58Z', '2023-11-17T09:59:30Z']);
    fake.labelEvents.set(11, [{ label: 'decap-cms/pending_publish', at: '2023-11-17T08:00:00Z' }, { label: 'decap-cms/pending_publish', at: '2023-11-17T09:00:00Z' }]);
    const s = await submissionTime(fake.client(), ref, 11, sha);
    expect(s.headSeenAt?.toISOString()).toBe('2023-11-17T09:59:30.000Z');
    expect(s.readyAt?.toISOString()).toBe('2023-11-17T09:00:00.000Z');
    expect(s.submittedAt?.toISOString()).toBe('2023-11-17T09:59:30.000Z');
    fake.pulls.get(11)!.labels = [];
    expect((await submissionTime(fake.client(), ref, 11, sha)).readyAt).toBeNull();
  });
});

describe('bypass actors', () => {
  it('uses a machine user’s id and skips teams in a personal repository', async () => {
    fake.ownerType = 'User';
    fake.users.set('may-nhap', 555);
    const logs: string[] = [];
    try {
      const actors = await lockBypassActors(fake.client(), ref, { ...access, mergeBot: 'may-nhap' }, (l) => logs.push(l));
      expect(actors).toEqual([{ actor_id: 555, actor_type: 'User', bypass_mode: 'always' }]);
      expect(logs.join('\n')).toContain('tài khoản cá nhân');
    } finally {
      fake.ownerType = 'Organization';
    }
  });
});

describe('the fake GitHub', () => {
  it('refuses, and records, a request body GitHub would reject', async () => {
    const gh = fake.client();
    await expect(gh.request('POST /repos/{owner}/{repo}/rulesets', { ...ref, name: 'x', enforcement: 'on' as never, target: 'branch' })).rejects.toMatchObject({ status: 422 });
    expect(fake.failures.join('\n')).toContain('enforcement');
    await expect(gh.request('PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}', { ...ref, ruleset_id: 1, rules: [{ type: 'no-such-rule' as never }] })).rejects.toMatchObject({ status: 422 });
    expect(fake.failures).toHaveLength(2);
    fake.failures.length = 0;
  });
});

describe('the lock command', () => {
  it('prints the desired state in a dry run without a token', async () => {
    let out = '';
    const ctx: CliContext = { root: join(REPO_ROOT, 'tests/fixtures/base'), env: {}, out: (t) => { out += t; }, err: () => {}, now: () => new Date() };
    const code = await lockCli(['--dry-run', '--now', '2023-11-17T17:00:00+07:00'], ctx);
    expect(code).toBe(0);
    expect(out).toContain('17/11/2023 17:00:00: Khóa: không có đợt tự đánh giá hay giải trình nào đang mở');
    expect(out).toContain('cần ở trạng thái active');
  });

  it('talks to the configured API URL (GitHub Enterprise Server) with PARINDEX_ADMIN_TOKEN', async () => {
    let out = '';
    const ctx: CliContext = { root: join(REPO_ROOT, 'tests/fixtures/base'), out: (t) => { out += t; }, err: (t) => { out += t; }, now: () => new Date(),
      env: { PARINDEX_ADMIN_TOKEN: 'x', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}` } };
    expect(await lockCli(['--now', '2023-11-10T10:00:00+07:00'], ctx)).toBe(0);
    expect(lockRuleset()!.enforcement).toBe('disabled');
    expect(out).toContain('Mở khóa: đang trong “Tự đánh giá, chấm điểm” năm 2023');
  });
});
