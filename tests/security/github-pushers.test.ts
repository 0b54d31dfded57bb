// Issue 11, item 10: the gate judges the author AND every account that pushed a commit of the
// pull request, on every event, from GitHub's repository activity (server side). Item 9: the
// verdict is the check run parindex/gate of the province App. Against the OpenAPI-validated fake.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FakeGithub } from '../github/fake-github.js';
import { prPushers } from '../../scripts/github/pushers.js';
import { postGateCheck } from '../../scripts/github/gate-check.js';
import { CHECK_CONTEXT } from '../../scripts/github/rulesets.js';
import { run as prReport } from '../../scripts/cli/pr-report.js';
import type { CliContext } from '../../scripts/cli/context.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const ref = { owner: 'so-noi-vu-tn', repo: 'chi-so-cchc' };
const [c1, c2, c3, old, head] = ['1', '2', '3', '4', '5'].map((d) => d.repeat(40)) as [string, string, string, string, string];
const BRANCH = 'cms/tu-danh-gia/don-vi-a';
const REF = `refs/heads/${BRANCH}`;

let fake: FakeGithub;
beforeAll(async () => { fake = new FakeGithub(); await fake.start(); });
afterAll(async () => { await fake?.stop(); });
beforeEach(() => {
  fake.pulls.clear();
  fake.activities = [];
  fake.requests.length = 0;
  fake.pulls.set(7, { number: 7, headSha: head, headRef: BRANCH, author: 'officer-a', labels: [], base: 'main', commits: [c1, c2, c3, head] });
});
afterEach(() => {
  const failures = fake.failures.splice(0);
  expect(failures).toEqual([]);
});

function cli(args: string[]) {
  let out = '';
  let err = '';
  const ctx: CliContext = { root: join(REPO_ROOT, 'tests/fixtures/base'), out: (t) => { out += t; }, err: (t) => { err += t; }, now: () => new Date(),
    env: { GITHUB_TOKEN: 'x', PARINDEX_APP_TOKEN: 'y', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}` } };
  return prReport(args, ctx).then((code) => ({ code, out, err }));
}

describe('pushers of a pull request', () => {
  it('are the author and whoever pushed one of its commits, not pushers of an older use of the branch name', async () => {
    fake.activities.push(
      // The branch name was used before, by an admin, for commits this pull request lacks.
      { ref: REF, before: '0'.repeat(40), after: old, actor: 'admin-snv', type: 'branch_creation', at: '2023-11-01T01:00:00Z' },
      { ref: REF, before: old, after: '0'.repeat(40), actor: 'admin-snv', type: 'branch_deletion', at: '2023-11-02T01:00:00Z' },
      { ref: REF, before: '0'.repeat(40), after: c2, actor: 'officer-a', type: 'branch_creation', at: '2023-11-16T01:00:00Z' },
      { ref: REF, before: c2, after: c3, actor: 'council-x', type: 'push', at: '2023-11-16T02:00:00Z' },
      { ref: REF, before: c3, after: head, actor: 'Officer-A', type: 'force_push', at: '2023-11-16T03:00:00Z' },
      { ref: 'refs/heads/other', before: c1, after: head, actor: 'outsider', type: 'push', at: '2023-11-16T03:00:00Z' },
    );
    const p = await prPushers(fake.client(), ref, 7);
    expect(p).toEqual({ logins: ['officer-a', 'council-x'], author: 'officer-a', headSha: head, headPusherKnown: true, fork: false, commitsListed: true });
    const listed = fake.requests.find((q) => q.template.endsWith('/activity'))!;
    expect(listed.path).toBe(`/repos/${ref.owner}/${ref.repo}/activity`);

    // The command the Check workflow runs writes them for the gate's --author list.
    const r = await cli(['pushers', '--pr', '7']);
    expect(r).toMatchObject({ code: 0, out: 'authors=officer-a council-x\n' });
  });

  it('fail closed when no recorded push put the head commit there', async () => {
    fake.activities.push({ ref: REF, before: '0'.repeat(40), after: c3, actor: 'officer-a', type: 'branch_creation', at: '2023-11-16T01:00:00Z' });
    expect((await prPushers(fake.client(), ref, 7)).headPusherKnown).toBe(false);
    const r = await cli(['pushers', '--pr', '7']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không xác định được ai đã đẩy commit ${head.slice(0, 7)} lên nhánh của #7`);
    expect(r.out).toBe('');
  });

  it('fail closed when GitHub cannot list every commit (over 250)', async () => {
    fake.activities.push({ ref: REF, before: c3, after: head, actor: 'officer-a', type: 'push', at: '2023-11-16T03:00:00Z' });
    fake.pulls.get(7)!.commitCount = 251;
    const r = await cli(['pushers', '--pr', '7']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('quá nhiều commit');
  });

  it('are the author alone for a branch in a fork, and say so', async () => {
    fake.pulls.get(7)!.fork = true;
    const r = await cli(['pushers', '--pr', '7']);
    expect(r).toMatchObject({ code: 0, out: 'authors=officer-a\n' });
    expect(r.err).toContain('fork');
    expect(fake.requests.some((q) => q.template.endsWith('/activity'))).toBe(false);
  });
});

describe('the verdict check run', () => {
  it('is created by the App as parindex/gate on the head, with the report as its summary', async () => {
    fake.actingApp = 9001;
    await postGateCheck(fake.client(), ref, { sha: head, allowed: false, summary: '<!-- parindex -->\nBị từ chối', detailsUrl: 'https://github.com/x/y/actions/runs/1' });
    const r = await cli(['check-run', '--sha', head, '--conclusion', 'success', '--details-url', 'https://github.com/x/y/actions/runs/2']);
    expect(r.code).toBe(0);
    expect(fake.checkRuns.get(head)).toEqual([
      { name: CHECK_CONTEXT, conclusion: 'failure', appId: 9001, summary: '<!-- parindex -->\nBị từ chối', detailsUrl: 'https://github.com/x/y/actions/runs/1' },
      { name: CHECK_CONTEXT, conclusion: 'success', appId: 9001, summary: 'Cổng kiểm soát: đạt.', detailsUrl: 'https://github.com/x/y/actions/runs/2' },
    ]);
    expect(await cli(['check-run', '--sha', head, '--conclusion', 'maybe'])).toMatchObject({ code: 2 });
  });
});
