// The two repository rulesets the platform relies on, and idempotent read-modify-write of them.
//   "parindex: nhánh chính" — always active on the default branch: changes only through pull
//     requests whose required check `parindex/gate` passed; no force push, no deletion; nobody
//     bypasses it (Decap falls back to a direct commit when a merge is refused: that must fail).
//   "parindex: khóa nộp bài" — the submission lock: `update` restricted, toggled active/disabled
//     by `npm run lock` at each deadline. Bypass: the merge bot (merges sends made on time) and,
//     through pull requests only, the council (appraisals) and the admins (registry), whose
//     scopes the gate still enforces through the required check.
import type { Access } from '../core/model.js';
import { statusOf, type GitHub, type RepoRef } from './client.js';

export const MAIN_RULESET = 'parindex: nhánh chính';
export const LOCK_RULESET = 'parindex: khóa nộp bài';
/** The name of the one stable required check (docs/security-github.md). */
export const CHECK_CONTEXT = 'parindex/gate';
/**
 * GitHub Actions' own app id. A required check bound to it can be satisfied only by a workflow
 * job, never by a commit status an officer posts; but a same-repository pull request can add a
 * workflow of its own, so the province's App is preferred (docs/security-github.md).
 */
export const ACTIONS_APP_ID = 15368;

export interface GateApp {
  /** The app that must report `parindex/gate` (ruleset `integration_id`, the sweep's filter). */
  id: number;
  /** 'app': the province's App (the merge bot); 'actions': the fallback, GitHub Actions. */
  source: 'app' | 'actions';
}

export type Enforcement = 'active' | 'disabled' | 'evaluate';

export interface BypassActor {
  actor_id: number | null;
  actor_type: 'Integration' | 'OrganizationAdmin' | 'RepositoryRole' | 'Team' | 'DeployKey' | 'User';
  bypass_mode: 'always' | 'pull_request' | 'exempt';
}

export interface RulesetBody {
  name: string;
  target: 'branch' | 'push';
  enforcement: Enforcement;
  bypass_actors: BypassActor[];
  /** Branch rulesets only: push rulesets apply to every push into the repository. */
  conditions?: { ref_name: { include: string[]; exclude: string[] } };
  rules: { type: string; parameters?: Record<string, unknown> }[];
}

const DEFAULT_BRANCH = { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] as string[] } };

export function mainRulesetBody(gateAppId: number): RulesetBody {
  return {
    name: MAIN_RULESET, target: 'branch', enforcement: 'active', bypass_actors: [], conditions: DEFAULT_BRANCH,
    rules: [
      { type: 'deletion' },
      { type: 'non_fast_forward' },
      { type: 'pull_request', parameters: {
        // Units publish their own pull request from Decap: no second person approves it; the
        // council reviews on the pull request but its verdict lives in the appraisal file.
        required_approving_review_count: 0, dismiss_stale_reviews_on_push: false, require_code_owner_review: false,
        require_last_push_approval: false, required_review_thread_resolution: false,
      } },
      { type: 'required_status_checks', parameters: {
        // integration_id: only that app's report counts; without it anyone with Write can post
        // a commit status named parindex/gate (issue 11, item 9).
        strict_required_status_checks_policy: false, required_status_checks: [{ context: CHECK_CONTEXT, integration_id: gateAppId }],
      } },
    ],
  };
}

export const CODE_RULESET = 'parindex: bảo vệ mã nguồn';

/**
 * Push ruleset: only admins may push changes to workflows, code and schemas, on ANY branch. The
 * Check workflow of a pull request runs the pull request's own workflow file; without this an
 * officer could push a branch whose workflow skips the gate. Not every plan offers push
 * rulesets: setup reports when GitHub refuses it (docs/deploy-github.md, residual risks).
 */
export function codeRulesetBody(adminTeamId: number | null): RulesetBody {
  return {
    name: CODE_RULESET, target: 'push', enforcement: 'active',
    bypass_actors: [
      { actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' },
      ...(adminTeamId ? [{ actor_id: adminTeamId, actor_type: 'Team' as const, bypass_mode: 'always' as const }] : []),
    ],
    rules: [{ type: 'file_path_restriction', parameters: { restricted_file_paths: [
      '.github/**/*', 'scripts/**/*', 'schemas/**/*', 'site/**/*', 'package.json', 'package-lock.json', 'astro.config.mjs',
    ] } }],
  };
}

export function lockRulesetBody(enforcement: Enforcement, bypass: BypassActor[]): RulesetBody {
  return {
    name: LOCK_RULESET, target: 'branch', enforcement, bypass_actors: bypass, conditions: DEFAULT_BRANCH,
    rules: [{ type: 'update', parameters: { update_allows_fetch_and_merge: false } }],
  };
}

/** JSON with sorted keys and sorted bypass actors: equal rulesets compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const actorKey = (a: BypassActor) => `${a.actor_type}:${a.actor_id}:${a.bypass_mode}`;

export async function findRuleset(gh: GitHub, ref: RepoRef, name: string): Promise<(RulesetBody & { id: number }) | null> {
  const list = await gh.paginate(gh.rest.repos.getRepoRulesets, { ...ref, per_page: 100, includes_parents: false });
  const hit = list.find((r) => r.name === name && r.source_type !== 'Organization');
  if (!hit) return null;
  const { data } = await gh.rest.repos.getRepoRuleset({ ...ref, ruleset_id: hit.id, includes_parents: false });
  return {
    id: data.id, name: data.name, target: data.target === 'push' ? 'push' : 'branch', enforcement: data.enforcement as Enforcement,
    bypass_actors: (data.bypass_actors ?? []) as BypassActor[],
    ...(data.target === 'push' ? {} : { conditions: (data.conditions ?? DEFAULT_BRANCH) as RulesetBody['conditions'] }),
    rules: (data.rules ?? []) as RulesetBody['rules'],
  };
}

export type RulesetAction = 'created' | 'updated' | 'unchanged';

export interface ApplyOptions {
  dryRun?: boolean;
  log?: (line: string) => void;
}

/** Creates the ruleset, or rewrites it when any managed field differs (setup). */
export async function ensureRuleset(gh: GitHub, ref: RepoRef, desired: RulesetBody, o: ApplyOptions = {}): Promise<RulesetAction> {
  const log = o.log ?? (() => {});
  const current = await findRuleset(gh, ref, desired.name);
  if (!current) {
    log(`${o.dryRun ? '[thử] sẽ tạo' : 'Tạo'} ruleset “${desired.name}” (${desired.enforcement}).`);
    if (!o.dryRun) await gh.rest.repos.createRepoRuleset({ ...ref, ...desired } as Parameters<GitHub['rest']['repos']['createRepoRuleset']>[0]);
    return 'created';
  }
  const { id, ...mine } = current;
  const sorted = (b: RulesetBody) => ({ ...b, bypass_actors: [...b.bypass_actors].sort((x, y) => actorKey(x).localeCompare(actorKey(y))) });
  if (canonical(sorted(mine)) === canonical(sorted(desired))) {
    log(`Ruleset “${desired.name}” đã đúng, không đổi.`);
    return 'unchanged';
  }
  log(`${o.dryRun ? '[thử] sẽ cập nhật' : 'Cập nhật'} ruleset “${desired.name}” (#${id}).`);
  if (!o.dryRun) await gh.rest.repos.updateRepoRuleset({ ...ref, ruleset_id: id, ...desired } as Parameters<GitHub['rest']['repos']['updateRepoRuleset']>[0]);
  return 'updated';
}

/**
 * The lock flip: read the whole ruleset, change only `enforcement`, write it back (a PUT with a
 * partial body would reset what an admin tuned by hand). Creates it when missing.
 */
export async function setLockEnforcement(gh: GitHub, ref: RepoRef, enforcement: Enforcement, bypass: () => Promise<BypassActor[]>,
  o: ApplyOptions = {}): Promise<RulesetAction> {
  const log = o.log ?? (() => {});
  const current = await findRuleset(gh, ref, LOCK_RULESET);
  if (!current) {
    const body = lockRulesetBody(enforcement, await bypass());
    log(`${o.dryRun ? '[thử] sẽ tạo' : 'Tạo'} ruleset “${LOCK_RULESET}” ở trạng thái ${enforcement}.`);
    if (!o.dryRun) await gh.rest.repos.createRepoRuleset({ ...ref, ...body } as Parameters<GitHub['rest']['repos']['createRepoRuleset']>[0]);
    return 'created';
  }
  if (current.enforcement === enforcement) {
    log(`Ruleset “${LOCK_RULESET}” đã ở trạng thái ${enforcement}, không đổi.`);
    return 'unchanged';
  }
  const { id, ...body } = current;
  log(`${o.dryRun ? '[thử] sẽ chuyển' : 'Chuyển'} ruleset “${LOCK_RULESET}” (#${id}): ${current.enforcement} → ${enforcement}.`);
  if (!o.dryRun) {
    await gh.rest.repos.updateRepoRuleset({ ...ref, ruleset_id: id, ...body, enforcement } as Parameters<GitHub['rest']['repos']['updateRepoRuleset']>[0]);
  }
  return 'updated';
}

/**
 * Bypass actors from content/access.yaml: the merge bot always (an app "name[bot]" → its app id;
 * a machine user → its user id); the council and admin teams through pull requests only. Teams
 * exist only in organisations; a personal repository gets the bot alone.
 */
export async function lockBypassActors(gh: GitHub, ref: RepoRef, access: Access | undefined, log: (l: string) => void = () => {}): Promise<BypassActor[]> {
  const out: BypassActor[] = [];
  const { data: repo } = await gh.rest.repos.get(ref);
  const isOrg = repo.owner.type === 'Organization';
  const bot = access?.mergeBot?.trim();
  if (bot) {
    try {
      if (bot.endsWith('[bot]')) {
        const app = await mergeBotApp(gh, access);
        if (app) out.push({ actor_id: app, actor_type: 'Integration', bypass_mode: 'always' });
        else log(`Không tìm thấy tài khoản máy nhập “${bot}” trên GitHub: bỏ qua.`);
      } else {
        const { data: user } = await gh.rest.users.getByUsername({ username: bot });
        out.push({ actor_id: user.id, actor_type: 'User', bypass_mode: 'always' });
      }
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      log(`Không tìm thấy tài khoản máy nhập “${bot}” trên GitHub: bỏ qua.`);
    }
  }
  for (const [who, p] of [['Hội đồng thẩm định', access?.council], ['quản trị', access?.admins]] as const) {
    if (!p?.team) continue;
    if (!isOrg) { log(`Kho thuộc tài khoản cá nhân: không có nhóm (team) ${who} “${p.team}”.`); continue; }
    const id = await teamId(gh, ref.owner, p.team);
    if (id === null) log(`Không tìm thấy nhóm ${who} “${p.team}” trong tổ chức ${ref.owner}: bỏ qua.`);
    else out.push({ actor_id: id, actor_type: 'Team', bypass_mode: 'pull_request' });
  }
  return out;
}

/** The merge bot's App id when `mergeBot` is an app (`slug[bot]`) GitHub knows, else null. */
export async function mergeBotApp(gh: GitHub, access: Access | undefined): Promise<number | null> {
  const bot = access?.mergeBot?.trim();
  if (!bot?.endsWith('[bot]')) return null;
  try {
    const { data: app } = await gh.rest.apps.getBySlug({ app_slug: bot.slice(0, -'[bot]'.length) });
    return app?.id ?? null;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return null;
  }
}

/**
 * Which app must report `parindex/gate`: the merge bot's App (the Check workflow posts the
 * verdict with its token, from an environment a pull request cannot use), else GitHub Actions.
 */
export async function gateApp(gh: GitHub, access: Access | undefined): Promise<GateApp> {
  const id = await mergeBotApp(gh, access);
  return id ? { id, source: 'app' } : { id: ACTIONS_APP_ID, source: 'actions' };
}

/** A team's numeric id (rulesets name actors by id), or null when the organisation has no such team. */
export async function teamId(gh: GitHub, org: string, team: string): Promise<number | null> {
  try {
    const { data } = await gh.rest.teams.getByName({ org, team_slug: team.split('/').pop()! });
    return data.id;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return null;
  }
}
