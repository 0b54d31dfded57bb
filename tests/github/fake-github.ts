// A local GitHub REST API on node:http for the octokit adapters. Every request is checked against
// GitHub's OpenAPI description before a handler sees it: a body, path or query parameter GitHub
// would reject gets a 422 here AND is recorded in `failures`, which each test asserts empty.
// Every response is validated too, so the adapters are tested against GitHub's real shapes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGithub, type GitHub } from '../../scripts/github/client.js';
import { githubDescription, GITHUB_SCHEMA_ID, type GithubDescription, type Operation } from './openapi.js';

type Json = Record<string, unknown>;

export interface FakeRequest {
  method: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface Reply { status: number; body?: unknown }
export type Handler = (req: FakeRequest) => Reply;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

export interface Ruleset { id: number; name: string; target: string; enforcement: string; bypass_actors: unknown[]; conditions: unknown; rules: unknown[] }
export interface Pull {
  number: number; headSha: string; headRef: string; author: string; labels: string[]; merged?: boolean; base: string;
  /** The pull request's commits, oldest first (default: the head alone). */
  commits?: string[];
  /** Head branch in another repository (a fork). */
  fork?: boolean;
  /** The pull request's commit count as GitHub states it (default: the length of `commits`). */
  commitCount?: number;
}
/** One entry of the repository activity API (pushes, force pushes, branch creations). */
export interface Activity { ref: string; before: string; after: string; actor: string; type: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge'; at: string }
/** GitHub Actions' app id: who reports a workflow job's check run. */
export const FAKE_ACTIONS_APP = 15368;

export class FakeGithub {
  readonly desc: GithubDescription = githubDescription();
  readonly failures: string[] = [];
  readonly requests: { method: string; template: string; path: string; body: unknown }[] = [];
  private handlers = new Map<string, Handler>();
  private server: Server | null = null;
  url = '';
  private nextId = 1000;

  // State a test arranges and inspects.
  owner = 'so-noi-vu-tn';
  repo = 'chi-so-cchc';
  ownerType: 'Organization' | 'User' = 'Organization';
  defaultBranch = 'main';
  rulesets = new Map<number, Ruleset>();
  teams = new Map<string, { id: number; members: Set<string> }>();
  apps = new Map<string, number>();
  users = new Map<string, number>();
  pulls = new Map<number, Pull>();
  /** Issue events: labeled events by pull number. */
  labelEvents = new Map<number, { label: string; at: string }[]>();
  checkSuites = new Map<string, string[]>();
  /** Check runs by head sha; `appId` is the reporting app (default GitHub Actions). */
  checkRuns = new Map<string, { name: string; conclusion: string | null; appId?: number; summary?: string; detailsUrl?: string }[]>();
  /** The app whose installation token the client uses when it creates check runs. */
  actingApp = 9001;
  activities: Activity[] = [];
  comments: { id: number; issue: number; body: string; bot: boolean }[] = [];
  statuses: { sha: string; state: string; context: string; description?: string; target_url?: string }[] = [];
  workflowPermissions = { default_workflow_permissions: 'write' as 'read' | 'write', can_approve_pull_request_reviews: true };
  labels = new Map<string, { color: string; description: string | null }>();
  environments = new Map<string, { custom: boolean; policies: string[] }>();
  pages: { build_type: 'workflow' | 'legacy' } | null = null;
  files = new Map<string, { text: string; sha: string }>(); // `${branch}:${path}`
  refs = new Map<string, string>([['heads/main', 'a'.repeat(40)]]);
  pushRulesetsAvailable = true;

  make(method: string, template: string, status: number, overrides: unknown = {}): Json {
    let schema = this.desc.responseSchema(method, template, status);
    // A listing's element: handlers build one item at a time.
    if (schema.type === 'array') schema = this.desc.resolve(schema.items);
    return deepMerge(this.desc.sample(schema), overrides) as Json;
  }

  on(key: string, handler: Handler): void {
    this.handlers.set(key, handler);
  }

  client(): GitHub {
    return createGithub({ token: 'test-token', baseUrl: this.url, quiet: true });
  }

  async start(): Promise<void> {
    this.installDefaults();
    this.server = createServer((req, res) => { void this.handle(req, res); });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private send(res: ServerResponse, op: Operation | null, reply: Reply): void {
    if (op) {
      const problems = this.desc.checkResponse(op, reply.status, reply.body);
      if (problems.length) {
        this.failures.push(`phản hồi giả không khớp mô tả GitHub (${op.method} ${op.template}): ${problems.join('; ')}`);
        reply = { status: 500, body: { message: 'fake response invalid' } };
      }
    }
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
    const method = req.method ?? 'GET';
    const found = this.desc.find(method, url.pathname);
    if (!found) {
      this.failures.push(`GitHub không có ${method} ${url.pathname}`);
      return this.send(res, null, { status: 404, body: { message: 'Not Found' } });
    }
    const { op, params } = found;
    this.requests.push({ method, template: op.template, path: url.pathname, body });
    const problems = this.desc.checkRequest(op, params, url.searchParams, body);
    if (problems.length) {
      this.failures.push(`GitHub sẽ từ chối ${method} ${op.template}: ${problems.join('; ')}`);
      return this.send(res, null, { status: 422, body: { message: 'Validation Failed', errors: problems } });
    }
    const handler = this.handlers.get(`${method} ${op.template}`);
    if (!handler) {
      this.failures.push(`fake chưa hỗ trợ ${method} ${op.template}`);
      return this.send(res, null, { status: 501, body: { message: 'not implemented in fake' } });
    }
    let reply: Reply;
    try {
      reply = handler({ method, template: op.template, params, query: url.searchParams, body });
    } catch (error) {
      this.failures.push(`lỗi trong fake ${method} ${op.template}: ${(error as Error).stack}`);
      reply = { status: 500, body: { message: 'fake crashed' } };
    }
    this.send(res, op, reply);
  }

  private notFound(): Reply {
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  }

  private user(login: string, type: 'User' | 'Bot' = 'User'): Json {
    return { login, id: this.users.get(login) ?? 1, type, html_url: `https://github.com/${encodeURIComponent(login)}` };
  }

  private rulesetBody(r: Ruleset): Json {
    return this.make('GET', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', 200, {
      ...r, source_type: 'Repository', source: `${this.owner}/${this.repo}`,
    });
  }

  private pullBody(p: Pull, template: string, status = 200, method = 'GET'): Json {
    return this.make(method, template, status, {
      number: p.number, state: p.merged ? 'closed' : 'open', user: this.user(p.author), commits: p.commitCount ?? (p.commits ?? [p.headSha]).length,
      labels: p.labels.map((name, i) => ({ id: i + 1, node_id: 'L', url: 'https://x', name, color: '0e8a16', default: false, description: '' })),
      head: { sha: p.headSha, ref: p.headRef, label: `${p.fork ? 'fork-owner' : this.owner}:${p.headRef}`,
        repo: { full_name: p.fork ? `fork-owner/${this.repo}` : `${this.owner}/${this.repo}`, name: this.repo, fork: !!p.fork } },
      base: { ref: p.base, repo: { full_name: `${this.owner}/${this.repo}`, name: this.repo } },
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
    });
  }

  private installDefaults(): void {
    const R = '/repos/{owner}/{repo}';
    this.on(`GET ${R}`, () => ({ status: 200, body: this.make('GET', R, 200, {
      name: this.repo, full_name: `${this.owner}/${this.repo}`, default_branch: this.defaultBranch,
      owner: { login: this.owner, type: this.ownerType },
    }) }));

    // Rulesets.
    this.on(`GET ${R}/rulesets`, () => ({ status: 200, body: [...this.rulesets.values()].map((r) => this.rulesetBody(r)) }));
    this.on(`GET ${R}/rulesets/{ruleset_id}`, (q) => {
      const r = this.rulesets.get(Number(q.params.ruleset_id));
      return r ? { status: 200, body: this.rulesetBody(r) } : this.notFound();
    });
    this.on(`POST ${R}/rulesets`, (q) => {
      const b = q.body as Json;
      if (b.target === 'push' && !this.pushRulesetsAvailable) {
        return { status: 422, body: { message: 'Push rulesets are not available for this repository', documentation_url: 'https://docs.github.com/rest' } };
      }
      const r: Ruleset = { id: this.nextId++, name: b.name as string, target: (b.target as string) ?? 'branch', enforcement: b.enforcement as string,
        bypass_actors: (b.bypass_actors as unknown[]) ?? [], conditions: b.conditions ?? {}, rules: (b.rules as unknown[]) ?? [] };
      this.rulesets.set(r.id, r);
      return { status: 201, body: this.rulesetBody(r) };
    });
    this.on(`PUT ${R}/rulesets/{ruleset_id}`, (q) => {
      const r = this.rulesets.get(Number(q.params.ruleset_id));
      if (!r) return this.notFound();
      const b = q.body as Partial<Ruleset>;
      Object.assign(r, Object.fromEntries(Object.entries(b).filter(([k]) => ['name', 'target', 'enforcement', 'bypass_actors', 'conditions', 'rules'].includes(k))));
      return { status: 200, body: this.rulesetBody(r) };
    });

    // Teams, apps, users.
    this.on('GET /orgs/{org}/teams/{team_slug}', (q) => {
      const t = this.teams.get(q.params.team_slug!);
      return t ? { status: 200, body: this.make('GET', '/orgs/{org}/teams/{team_slug}', 200, { id: t.id, slug: q.params.team_slug, name: q.params.team_slug }) } : this.notFound();
    });
    this.on('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', (q) => {
      const t = this.teams.get(q.params.team_slug!);
      // Documented as a bare 404 (no body) when the user is not a member.
      if (!t || !t.members.has(q.params.username!.toLowerCase())) return { status: 404 };
      return { status: 200, body: this.make('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', 200, { state: 'active', role: 'member' }) };
    });
    this.on('GET /apps/{app_slug}', (q) => {
      const id = this.apps.get(q.params.app_slug!);
      return id ? { status: 200, body: this.make('GET', '/apps/{app_slug}', 200, { id, slug: q.params.app_slug, name: q.params.app_slug }) } : this.notFound();
    });
    this.on('GET /users/{username}', (q) => {
      const id = this.users.get(q.params.username!);
      return id ? { status: 200, body: this.make('GET', '/users/{username}', 200, { id, login: q.params.username, type: 'User' }) } : this.notFound();
    });

    // Pull requests, events, checks, merges.
    this.on(`GET ${R}/pulls`, (q) => {
      const state = q.query.get('state') ?? 'open';
      const head = q.query.get('head');
      const list = [...this.pulls.values()].filter((p) => (state === 'all' || (state === 'open') === !p.merged) &&
        (!head || head === `${this.owner}:${p.headRef}`) && (!q.query.get('base') || q.query.get('base') === p.base));
      return { status: 200, body: list.map((p) => this.pullBody(p, `${R}/pulls`)) };
    });
    this.on(`GET ${R}/pulls/{pull_number}`, (q) => {
      const p = this.pulls.get(Number(q.params.pull_number));
      return p ? { status: 200, body: this.pullBody(p, `${R}/pulls/{pull_number}`) } : this.notFound();
    });
    this.on(`POST ${R}/pulls`, (q) => {
      const b = q.body as Json;
      const p: Pull = { number: this.nextId++, headSha: this.refs.get(`heads/${b.head}`) ?? 'b'.repeat(40), headRef: b.head as string, author: 'parindex-bot[bot]', labels: [], base: b.base as string };
      this.pulls.set(p.number, p);
      return { status: 201, body: this.pullBody(p, `${R}/pulls`, 201, 'POST') };
    });
    this.on(`PUT ${R}/pulls/{pull_number}/merge`, (q) => {
      const p = this.pulls.get(Number(q.params.pull_number));
      if (!p) return this.notFound();
      const sha = (q.body as Json | undefined)?.sha;
      if (sha && sha !== p.headSha) return { status: 409, body: { message: 'Head branch was modified. Review and try the merge again.', documentation_url: 'https://docs.github.com/rest' } };
      p.merged = true;
      return { status: 200, body: { sha: 'c'.repeat(40), merged: true, message: 'Pull Request successfully merged' } };
    });
    this.on(`GET ${R}/issues/{issue_number}/events`, (q) => {
      const events = this.labelEvents.get(Number(q.params.issue_number)) ?? [];
      return { status: 200, body: events.map((e, i) => this.labeledEvent(i + 1, e.label, e.at)) };
    });
    this.on(`GET ${R}/commits/{ref}/check-suites`, (q) => {
      const times = this.checkSuites.get(q.params.ref!) ?? [];
      const suites = times.map((at, i) => this.checkSuite(i + 1, q.params.ref!, at));
      return { status: 200, body: this.make('GET', `${R}/commits/{ref}/check-suites`, 200, { total_count: suites.length, check_suites: suites }) };
    });
    this.on(`GET ${R}/commits/{ref}/check-runs`, (q) => {
      const name = q.query.get('check_name');
      const app = q.query.get('app_id');
      const all = (this.checkRuns.get(q.params.ref!) ?? []).filter((r) => (!name || r.name === name) && (!app || (r.appId ?? FAKE_ACTIONS_APP) === Number(app)));
      // filter=latest (the default): the newest run of each name and app.
      const latest = q.query.get('filter') === 'all' ? all : all.filter((r, i) => !all.slice(i + 1).some((x) => x.name === r.name && (x.appId ?? FAKE_ACTIONS_APP) === (r.appId ?? FAKE_ACTIONS_APP)));
      const runs = latest.reverse().map((r, i) => this.checkRun(i + 1, q.params.ref!, r.name, r.conclusion));
      return { status: 200, body: this.make('GET', `${R}/commits/{ref}/check-runs`, 200, { total_count: runs.length, check_runs: runs }) };
    });
    this.on(`POST ${R}/check-runs`, (q) => {
      const b = q.body as Json;
      const run = { name: b.name as string, conclusion: (b.conclusion as string) ?? null, appId: this.actingApp,
        ...((b.output as Json | undefined)?.summary ? { summary: (b.output as Json).summary as string } : {}),
        ...(b.details_url ? { detailsUrl: b.details_url as string } : {}) };
      const list = this.checkRuns.get(b.head_sha as string) ?? [];
      list.push(run);
      this.checkRuns.set(b.head_sha as string, list);
      return { status: 201, body: this.checkRun(this.nextId++, b.head_sha as string, run.name, run.conclusion) };
    });
    this.on(`GET ${R}/pulls/{pull_number}/commits`, (q) => {
      const p = this.pulls.get(Number(q.params.pull_number));
      if (!p) return this.notFound();
      const page = Number(q.query.get('page') ?? 1);
      const per = Number(q.query.get('per_page') ?? 30);
      const shas = (p.commits ?? [p.headSha]).slice((page - 1) * per, page * per);
      return { status: 200, body: shas.map((sha) => ({ ...this.schemaSample('commit'), sha })) };
    });
    this.on(`GET ${R}/activity`, (q) => {
      const ref = q.query.get('ref');
      const type = q.query.get('activity_type');
      // Newest first, as GitHub lists them (direction=desc).
      const list = this.activities.filter((a) => (!ref || a.ref === ref || a.ref === `refs/heads/${ref}`) && (!type || a.type === type)).slice().reverse();
      return { status: 200, body: list.map((a, i) => ({ id: i + 1, node_id: 'A', before: a.before, after: a.after, ref: a.ref, timestamp: a.at,
        activity_type: a.type, actor: this.simpleUser(a.actor) })) };
    });

    // Comments and statuses.
    this.on(`GET ${R}/issues/{issue_number}/comments`, (q) => ({ status: 200, body: this.comments
      .filter((c) => c.issue === Number(q.params.issue_number))
      .map((c) => this.comment(c)) }));
    this.on(`POST ${R}/issues/{issue_number}/comments`, (q) => {
      const c = { id: this.nextId++, issue: Number(q.params.issue_number), body: (q.body as Json).body as string, bot: true };
      this.comments.push(c);
      return { status: 201, body: this.comment(c) };
    });
    this.on(`PATCH ${R}/issues/comments/{comment_id}`, (q) => {
      const c = this.comments.find((x) => x.id === Number(q.params.comment_id));
      if (!c) return this.notFound();
      c.body = (q.body as Json).body as string;
      return { status: 200, body: this.comment(c) };
    });
    this.on(`POST ${R}/statuses/{sha}`, (q) => {
      const b = q.body as Json;
      this.statuses.push({ sha: q.params.sha!, state: b.state as string, context: (b.context as string) ?? 'default',
        ...(b.description ? { description: b.description as string } : {}), ...(b.target_url ? { target_url: b.target_url as string } : {}) });
      return { status: 201, body: this.make('POST', `${R}/statuses/{sha}`, 201, { state: b.state, context: b.context, description: b.description ?? null, target_url: b.target_url ?? null }) };
    });

    // Repository settings.
    this.on(`GET ${R}/actions/permissions/workflow`, () => ({ status: 200, body: { ...this.workflowPermissions } }));
    this.on(`PUT ${R}/actions/permissions/workflow`, (q) => { Object.assign(this.workflowPermissions, q.body); return { status: 204 }; });
    this.on(`GET ${R}/labels/{name}`, (q) => {
      const l = this.labels.get(q.params.name!);
      return l ? { status: 200, body: this.make('GET', `${R}/labels/{name}`, 200, { name: q.params.name, ...l }) } : this.notFound();
    });
    this.on(`POST ${R}/labels`, (q) => {
      const b = q.body as Json;
      this.labels.set(b.name as string, { color: b.color as string, description: (b.description as string) ?? null });
      return { status: 201, body: this.make('POST', `${R}/labels`, 201, { name: b.name, color: b.color, description: b.description ?? null }) };
    });
    this.on(`PATCH ${R}/labels/{name}`, (q) => {
      const l = this.labels.get(q.params.name!);
      if (!l) return this.notFound();
      Object.assign(l, q.body);
      return { status: 200, body: this.make('PATCH', `${R}/labels/{name}`, 200, { name: q.params.name, ...l }) };
    });
    this.on(`GET ${R}/environments/{environment_name}`, (q) => {
      const e = this.environments.get(q.params.environment_name!);
      return e ? { status: 200, body: this.make('GET', `${R}/environments/{environment_name}`, 200, {
        name: q.params.environment_name, deployment_branch_policy: e.custom ? { protected_branches: false, custom_branch_policies: true } : null,
      }) } : this.notFound();
    });
    this.on(`PUT ${R}/environments/{environment_name}`, (q) => {
      const b = q.body as Json | undefined;
      const custom = !!(b?.deployment_branch_policy as Json | undefined)?.custom_branch_policies;
      const e = this.environments.get(q.params.environment_name!) ?? { custom, policies: [] };
      e.custom = custom;
      this.environments.set(q.params.environment_name!, e);
      return { status: 200, body: this.make('PUT', `${R}/environments/{environment_name}`, 200, { name: q.params.environment_name,
        deployment_branch_policy: custom ? { protected_branches: false, custom_branch_policies: true } : null }) };
    });
    this.on(`GET ${R}/environments/{environment_name}/deployment-branch-policies`, (q) => {
      const e = this.environments.get(q.params.environment_name!);
      if (!e) return this.notFound();
      return { status: 200, body: { total_count: e.policies.length, branch_policies: e.policies.map((name, i) => ({ id: i + 1, node_id: 'P', name, type: 'branch' })) } };
    });
    this.on(`POST ${R}/environments/{environment_name}/deployment-branch-policies`, (q) => {
      const e = this.environments.get(q.params.environment_name!);
      if (!e) return this.notFound();
      const name = (q.body as Json).name as string;
      e.policies.push(name);
      return { status: 200, body: { id: e.policies.length, node_id: 'P', name, type: 'branch' } };
    });
    this.on(`GET ${R}/pages`, () => (this.pages ? { status: 200, body: this.make('GET', `${R}/pages`, 200, { build_type: this.pages.build_type }) } : this.notFound()));
    this.on(`POST ${R}/pages`, (q) => {
      this.pages = { build_type: (q.body as Json).build_type as 'workflow' };
      return { status: 201, body: this.make('POST', `${R}/pages`, 201, { build_type: this.pages.build_type }) };
    });
    this.on(`PUT ${R}/pages`, (q) => {
      this.pages = { build_type: (q.body as Json).build_type as 'workflow' };
      return { status: 204 };
    });

    // Contents and refs (the CODEOWNERS proposal).
    this.on(`GET ${R}/contents/{path}`, (q) => {
      const branch = q.query.get('ref') ?? this.defaultBranch;
      const f = this.files.get(`${branch}:${q.params.path}`);
      if (!f) return this.notFound();
      return { status: 200, body: this.make('GET', `${R}/contents/{path}`, 200, {
        type: 'file', encoding: 'base64', size: f.text.length, name: q.params.path!.split('/').pop(), path: q.params.path, sha: f.sha,
        content: Buffer.from(f.text).toString('base64'), url: 'https://x', git_url: null, html_url: null, download_url: null, _links: { self: 'https://x', git: null, html: null },
      }) };
    });
    this.on(`PUT ${R}/contents/{path}`, (q) => {
      const b = q.body as Json;
      const branch = (b.branch as string) ?? this.defaultBranch;
      const existed = this.files.has(`${branch}:${q.params.path}`);
      this.files.set(`${branch}:${q.params.path}`, { text: Buffer.from(b.content as string, 'base64').toString('utf8'), sha: `${this.nextId++}`.padStart(40, '0') });
      const status = existed ? 200 : 201;
      return { status, body: this.make('PUT', `${R}/contents/{path}`, status) };
    });
    this.on(`GET ${R}/git/ref/{ref}`, (q) => {
      const sha = this.refs.get(q.params.ref!);
      return sha ? { status: 200, body: this.make('GET', `${R}/git/ref/{ref}`, 200, { ref: `refs/${q.params.ref}`, object: { sha, type: 'commit' } }) } : this.notFound();
    });
    this.on(`POST ${R}/git/refs`, (q) => {
      const b = q.body as Json;
      this.refs.set((b.ref as string).replace(/^refs\//, ''), b.sha as string);
      return { status: 201, body: this.make('POST', `${R}/git/refs`, 201, { ref: b.ref, object: { sha: b.sha, type: 'commit' } }) };
    });
    this.on(`PATCH ${R}/git/refs/{ref}`, (q) => {
      const b = q.body as Json;
      if (!this.refs.has(q.params.ref!)) return { status: 422, body: { message: 'Reference does not exist', documentation_url: 'https://docs.github.com/rest' } };
      this.refs.set(q.params.ref!, b.sha as string);
      return { status: 200, body: this.make('PATCH', `${R}/git/refs/{ref}`, 200, { ref: `refs/${q.params.ref}`, object: { sha: b.sha, type: 'commit' } }) };
    });
  }

  private labeledEvent(id: number, label: string, at: string): Json {
    return {
      id, node_id: 'E', url: 'https://x', actor: this.simpleUser('officer-a'),
      event: 'labeled', commit_id: null, commit_url: null, created_at: at, performed_via_github_app: null, label: { name: label, color: '0e8a16' },
    };
  }

  schemaSample(name: string): Json {
    return this.desc.sample({ $ref: `${GITHUB_SCHEMA_ID}#/components/schemas/${name}` }) as Json;
  }

  simpleUser(login: string): Json {
    return { ...this.schemaSample('simple-user'), login, id: this.users.get(login) ?? 7, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
  }

  private checkSuite(id: number, sha: string, at: string): Json {
    return { ...this.schemaSample('check-suite'), id, head_sha: sha, created_at: at, updated_at: at };
  }

  private checkRun(id: number, sha: string, name: string, conclusion: string | null): Json {
    return { ...this.schemaSample('check-run'), id, head_sha: sha, name, status: conclusion ? 'completed' : 'in_progress', conclusion };
  }

  private comment(c: { id: number; body: string; bot: boolean }): Json {
    return { ...this.schemaSample('issue-comment'), id: c.id, body: c.body, html_url: `https://github.com/${this.owner}/${this.repo}/issues/1#issuecomment-${c.id}`,
      user: this.simpleUser(c.bot ? 'github-actions[bot]' : 'officer-a') };
  }
}
