// `npm run setup-github` against the OpenAPI-validated fake: the first run creates everything,
// the second changes nothing; CODEOWNERS is generated from the registry and proposed as a PR.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FakeGithub } from './fake-github.js';
import { setupRepository, LOCK_ENVIRONMENT, CODEOWNERS_BRANCH } from '../../scripts/github/setup.js';
import { generateCodeowners, CODEOWNERS_PATH } from '../../scripts/github/codeowners.js';
import { MAIN_RULESET, LOCK_RULESET, CODE_RULESET, CHECK_CONTEXT, ACTIONS_APP_ID } from '../../scripts/github/rulesets.js';
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { memorySource, overlaySource } from '../../scripts/core/source.js';
import { baseSource, REPO_ROOT } from '../helpers/fixtures.js';
import { ACCESS_YAML } from '../gate/git-repo.js';
import { run as setupCli } from '../../scripts/cli/setup-github.js';
import { githubTeamLookup } from '../../scripts/github/teams.js';
import type { CliContext } from '../../scripts/cli/context.js';

const ref = { owner: 'so-noi-vu-tn', repo: 'chi-so-cchc' };
let fake: FakeGithub;
beforeAll(async () => {
  fake = new FakeGithub();
  await fake.start();
  fake.teams.set('hoi-dong-tham-dinh', { id: 41, members: new Set() });
  fake.teams.set('so-noi-vu-cchc', { id: 42, members: new Set() });
  fake.apps.set('parindex-bot', 9001);
});
afterAll(async () => { await fake?.stop(); });
afterEach(() => {
  const failures = fake.failures.splice(0);
  expect(failures).toEqual([]);
});

async function registry() {
  const { registry: r } = await loadRegistry(overlaySource(memorySource({ 'content/access.yaml': ACCESS_YAML }), baseSource()));
  return { units: [...r.units.values()], access: r.access, campaigns: [...r.campaigns.values()] };
}

describe('setup-github', () => {
  it('generates CODEOWNERS from the units registry, teams qualified with the organisation', async () => {
    const r = await registry();
    const text = generateCodeowners(r.units, r.access, 'so-noi-vu-tn');
    expect(text).toContain('* @so-noi-vu-tn/so-noi-vu-cchc @admin-snv\n');
    expect(text).toContain('/content/appraisals/ @so-noi-vu-tn/hoi-dong-tham-dinh @council-1\n');
    expect(text).toContain('/content/self-assessments/*/don-vi-a.yaml @so-noi-vu-tn/don-vi-a @officer-a\n');
    expect(text).toContain('/content/evidence/*/don-vi-b/ @officer-b\n');
    // Later lines win in CODEOWNERS: unit lines come after the generic admin line.
    expect(text.indexOf('don-vi-a.yaml')).toBeGreaterThan(text.indexOf('* @'));
    expect(generateCodeowners(r.units, r.access, null)).not.toContain('@so-noi-vu-tn/');
  });

  it('sets everything up on the first run and changes nothing on the second', async () => {
    const r = await registry();
    const log: string[] = [];
    const first = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: (l) => log.push(l) });
    expect(first.steps.filter((s) => s.action === 'unchanged')).toEqual([]);
    expect(fake.workflowPermissions).toEqual({ default_workflow_permissions: 'read', can_approve_pull_request_reviews: false });
    expect([...fake.labels.keys()]).toEqual(['decap-cms/draft', 'decap-cms/pending_review', 'decap-cms/pending_publish']);
    const rulesets = [...fake.rulesets.values()];
    expect(rulesets.map((x) => [x.name, x.target, x.enforcement])).toEqual([
      [MAIN_RULESET, 'branch', 'active'], [LOCK_RULESET, 'branch', 'disabled'], [CODE_RULESET, 'push', 'active'],
    ]);
    expect(rulesets[0]!.bypass_actors).toEqual([]);
    // Bound to the province App (the merge bot, id 9001): a commit status an officer posts, or a
    // job of a workflow the pull request added, cannot satisfy it.
    expect(rulesets[0]!.rules).toContainEqual({ type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: CHECK_CONTEXT, integration_id: 9001 }] } });
    const created = fake.requests.find((q) => q.method === 'POST' && q.template.endsWith('/rulesets') && (q.body as { name: string }).name === MAIN_RULESET)!;
    expect(JSON.stringify(created.body)).toContain('"integration_id":9001');
    expect(rulesets[2]!.bypass_actors).toContainEqual({ actor_id: 42, actor_type: 'Team', bypass_mode: 'always' });
    expect(fake.environments.get(LOCK_ENVIRONMENT)).toEqual({ custom: true, policies: ['main'] });
    expect(log.join('\n')).toContain('chưa có mergeBotKeys');
    expect(fake.pages).toEqual({ build_type: 'workflow' });
    expect(fake.files.get(`${CODEOWNERS_BRANCH}:${CODEOWNERS_PATH}`)?.text).toBe(generateCodeowners(r.units, r.access, ref.owner));
    expect([...fake.pulls.values()].map((p) => [p.headRef, p.base])).toEqual([[CODEOWNERS_BRANCH, 'main']]);

    fake.requests.length = 0;
    const second = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: () => {} });
    expect(second.steps.filter((s) => s.action !== 'unchanged')).toEqual([]);
    expect(fake.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(fake.rulesets.size).toBe(3);
    expect(fake.pulls.size).toBe(1);
  });

  it('binds the check to GitHub Actions when the merge bot has no App, says why, and rewrites it once the App exists', async () => {
    const r = await registry();
    fake.apps.delete('parindex-bot');
    const log: string[] = [];
    try {
      const out = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: (l) => log.push(l) });
      expect(out.steps.find((s) => s.step === 'ruleset:main')!.action).toBe('updated');
      const main = [...fake.rulesets.values()].find((x) => x.name === MAIN_RULESET)!;
      expect(main.rules).toContainEqual({ type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false,
        required_status_checks: [{ context: CHECK_CONTEXT, integration_id: ACTIONS_APP_ID }] } });
      expect(log.join('\n')).toContain('chỉ được gắn với GitHub Actions (15368)');
    } finally {
      fake.apps.set('parindex-bot', 9001);
    }
    const again = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: () => {} });
    expect(again.steps.find((s) => s.step === 'ruleset:main')!.action).toBe('updated');
  });

  it('keeps the lock’s current state: the lock command owns it', async () => {
    const r = await registry();
    const lock = [...fake.rulesets.values()].find((x) => x.name === LOCK_RULESET)!;
    lock.enforcement = 'active';
    const out = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: () => {} });
    expect(out.steps.find((s) => s.step === 'ruleset:lock')!.action).toBe('unchanged');
    expect(lock.enforcement).toBe('active');
  });

  it('reports, and survives, a plan without push rulesets', async () => {
    const r = await registry();
    for (const [id, x] of fake.rulesets) if (x.name === CODE_RULESET) fake.rulesets.delete(id);
    fake.pushRulesetsAvailable = false;
    const log: string[] = [];
    try {
      const out = await setupRepository(fake.client(), ref, { ...r, now: new Date('2023-11-10T10:00:00+07:00'), log: (l) => log.push(l) });
      expect(out.steps.find((s) => s.step === 'ruleset:code')!.action).toBe('unavailable');
      expect(log.join('\n')).toContain('GitHub không cho tạo ruleset bảo vệ mã nguồn');
    } finally {
      fake.pushRulesetsAvailable = true;
    }
  });

  it('runs as a command with --dry-run: reads, prints, writes nothing', async () => {
    fake.requests.length = 0;
    fake.labels.delete('decap-cms/draft');
    let out = '';
    const ctx: CliContext = { root: join(REPO_ROOT, 'tests/fixtures/base'), out: (t) => { out += t; }, err: (t) => { out += t; }, now: () => new Date('2023-11-10T10:00:00+07:00'),
      env: { PARINDEX_ADMIN_TOKEN: 'x' } };
    expect(await setupCli(['--owner', ref.owner, '--repo', ref.repo, '--dry-run', '--api-url', fake.url], ctx)).toBe(0);
    expect(out).toContain('[thử] sẽ tạo nhãn decap-cms/draft.');
    expect(out).toMatch(/\[thử\] Xong: \d+ bước, \d+ sẽ thay đổi\./);
    expect(fake.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(await setupCli(['--owner', ref.owner], ctx)).toBe(2);
  });

  it('resolves the author’s teams for the gate with a Members: read token, and says when it cannot', async () => {
    fake.teams.set('don-vi-a', { id: 43, members: new Set(['can-bo-moi']) });
    const warnings: string[] = [];
    const source = overlaySource(memorySource({ 'content/access.yaml': ACCESS_YAML }), baseSource());
    const env = { PARINDEX_MEMBERS_TOKEN: 'x', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${ref.owner}/${ref.repo}` };
    const lookup = await githubTeamLookup(env, source, ['Can-Bo-Moi'], (w) => warnings.push(w));
    expect(lookup?.('can-bo-moi')).toEqual(['don-vi-a']);
    expect(warnings).toEqual([]);
    expect(await githubTeamLookup({}, source, ['x'], (w) => warnings.push(w))).toBeNull();
    expect(warnings[0]).toContain('PARINDEX_MEMBERS_TOKEN');
  });
});
