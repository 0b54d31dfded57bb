// `npm run setup-github`: everything the repository needs on GitHub, each step read first and
// written only when different, so a second run changes nothing. Steps and the token permission
// each needs (docs/deploy-github.md):
//   workflow token read-only by default ........ Administration: write
//   labels of Decap's editorial workflow ........ Issues: write
//   rulesets (main + lock) ...................... Administration: write; Members: read for teams
//   environment for the lock secrets ............ Administration: write (environments)
//   Pages from GitHub Actions ................... Pages: write
//   CODEOWNERS, proposed as a pull request ...... Contents: write, Pull requests: write
import type { Access, Campaign, Unit } from '../core/model.js';
import { lockPlan } from '../core/gate/lock.js';
import { statusOf, type GitHub, type RepoRef } from './client.js';
import { ensureRuleset, lockBypassActors, lockRulesetBody, mainRulesetBody, findRuleset, codeRulesetBody, teamId, gateApp } from './rulesets.js';
import { CODEOWNERS_PATH, generateCodeowners } from './codeowners.js';

export const LABELS = [
  { name: 'decap-cms/draft', color: 'e1e4e8', description: 'Bản nháp (Decap CMS)' },
  { name: 'decap-cms/pending_review', color: 'fbca04', description: 'Chờ rà soát (Decap CMS)' },
  { name: 'decap-cms/pending_publish', color: '0e8a16', description: 'Đã “Gửi đi”: sẵn sàng nhập (Decap CMS)' },
];

export const LOCK_ENVIRONMENT = 'parindex-lock';
export const CODEOWNERS_BRANCH = 'parindex/codeowners';

export interface SetupInput {
  units: Unit[];
  access?: Access;
  campaigns: Campaign[];
  now: Date;
  dryRun?: boolean;
  log: (line: string) => void;
}

export interface SetupResult {
  steps: { step: string; action: string }[];
}

export async function setupRepository(gh: GitHub, ref: RepoRef, input: SetupInput): Promise<SetupResult> {
  const { log, dryRun } = input;
  const steps: SetupResult['steps'] = [];
  const done = (step: string, action: string) => { steps.push({ step, action }); };
  const will = (what: string) => log(`${dryRun ? '[thử] sẽ ' : ''}${what}`);
  const { data: repo } = await gh.rest.repos.get(ref);
  const org = repo.owner.type === 'Organization' ? ref.owner : null;

  // 1. The workflow token is read-only unless a workflow asks for more.
  const { data: perms } = await gh.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository(ref);
  if (perms.default_workflow_permissions !== 'read' || perms.can_approve_pull_request_reviews) {
    will('đặt quyền mặc định của GITHUB_TOKEN: chỉ đọc, không được duyệt yêu cầu hợp nhất.');
    if (!dryRun) await gh.rest.actions.setGithubActionsDefaultWorkflowPermissionsRepository({ ...ref, default_workflow_permissions: 'read', can_approve_pull_request_reviews: false });
    done('workflow-permissions', 'updated');
  } else done('workflow-permissions', 'unchanged');

  // 2. Labels.
  for (const label of LABELS) {
    let current: { color: string; description: string | null } | null = null;
    try {
      ({ data: current } = await gh.rest.issues.getLabel({ ...ref, name: label.name }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    if (!current) {
      will(`tạo nhãn ${label.name}.`);
      if (!dryRun) await gh.rest.issues.createLabel({ ...ref, ...label });
      done(`label:${label.name}`, 'created');
    } else if (current.color.toLowerCase() !== label.color || (current.description ?? '') !== label.description) {
      will(`cập nhật nhãn ${label.name}.`);
      if (!dryRun) await gh.rest.issues.updateLabel({ ...ref, name: label.name, color: label.color, description: label.description });
      done(`label:${label.name}`, 'updated');
    } else done(`label:${label.name}`, 'unchanged');
  }

  // 3. Rulesets. The lock keeps its current enforcement (the lock command owns it); a new one
  // starts in the state the campaign clock asks for now.
  const app = await gateApp(gh, input.access);
  if (app.source === 'actions') {
    log(`Cảnh báo: không tìm thấy GitHub App của tài khoản máy nhập (mergeBot “${input.access?.mergeBot ?? ''}”): kiểm tra parindex/gate chỉ được gắn với GitHub Actions (${app.id}); một pull request trong cùng kho có thể thêm quy trình tự báo “đạt”. Xem docs/security-github.md.`);
  }
  done('ruleset:main', await ensureRuleset(gh, ref, mainRulesetBody(app.id), { dryRun, log }));
  if (!input.access?.mergeBotKeys?.length) {
    log('Cảnh báo: content/access.yaml chưa có mergeBotKeys: lịch sử sẽ không tin thời điểm gửi mà máy nhập ghi khi nhập bài sau hạn (tạo khóa: npm run seal-key, xem docs/deploy-github.md).');
  }
  const bypass = await lockBypassActors(gh, ref, input.access, log);
  const existingLock = await findRuleset(gh, ref, lockRulesetBody('disabled', []).name);
  const enforcement = existingLock?.enforcement ?? (lockPlan(input.campaigns, input.now).active ? 'active' : 'disabled');
  done('ruleset:lock', await ensureRuleset(gh, ref, lockRulesetBody(enforcement, bypass), { dryRun, log }));
  const adminTeam = org && input.access?.admins?.team ? await teamId(gh, org, input.access.admins.team) : null;
  try {
    done('ruleset:code', await ensureRuleset(gh, ref, codeRulesetBody(adminTeam), { dryRun, log }));
  } catch (error) {
    if (statusOf(error) !== 422 && statusOf(error) !== 403) throw error;
    log(`GitHub không cho tạo ruleset bảo vệ mã nguồn (push ruleset) cho kho này: ${(error as Error).message}. Xem “rủi ro còn lại” trong docs/deploy-github.md.`);
    done('ruleset:code', 'unavailable');
  }

  // 4. The environment that holds the lock's app secrets: usable from the default branch only,
  // so a pull request's workflow can never read them.
  let env: { deployment_branch_policy?: { custom_branch_policies?: boolean } | null } | null = null;
  try {
    ({ data: env } = await gh.rest.repos.getEnvironment({ ...ref, environment_name: LOCK_ENVIRONMENT }));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  if (!env || !env.deployment_branch_policy?.custom_branch_policies) {
    will(`${env ? 'giới hạn' : 'tạo'} môi trường ${LOCK_ENVIRONMENT} (chỉ nhánh ${repo.default_branch}).`);
    if (!dryRun) {
      await gh.rest.repos.createOrUpdateEnvironment({ ...ref, environment_name: LOCK_ENVIRONMENT,
        deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } });
    }
    done('environment', env ? 'updated' : 'created');
  } else done('environment', 'unchanged');
  const policies = env?.deployment_branch_policy?.custom_branch_policies
    ? (await gh.rest.repos.listDeploymentBranchPolicies({ ...ref, environment_name: LOCK_ENVIRONMENT, per_page: 100 })).data.branch_policies
    : [];
  if (!policies.some((p) => p.name === repo.default_branch)) {
    will(`cho phép nhánh ${repo.default_branch} dùng môi trường ${LOCK_ENVIRONMENT}.`);
    if (!dryRun) await gh.rest.repos.createDeploymentBranchPolicy({ ...ref, environment_name: LOCK_ENVIRONMENT, name: repo.default_branch, type: 'branch' });
    done('environment-branch', 'created');
  } else done('environment-branch', 'unchanged');

  // 5. Pages built by the Deploy workflow.
  let pages: { build_type?: string | null } | null = null;
  try {
    ({ data: pages } = await gh.rest.repos.getPages(ref));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  if (!pages) {
    will('bật GitHub Pages (xây dựng bằng GitHub Actions).');
    if (!dryRun) await gh.rest.repos.createPagesSite({ ...ref, build_type: 'workflow' });
    done('pages', 'created');
  } else if (pages.build_type !== 'workflow') {
    will('chuyển GitHub Pages sang xây dựng bằng GitHub Actions.');
    if (!dryRun) await gh.rest.repos.updateInformationAboutPagesSite({ ...ref, build_type: 'workflow' });
    done('pages', 'updated');
  } else done('pages', 'unchanged');

  // 6. CODEOWNERS: main is protected (pull requests only), so the file is proposed as one.
  done('codeowners', await proposeCodeowners(gh, ref, repo.default_branch, generateCodeowners(input.units, input.access, org), input));
  return { steps };
}

async function fileText(gh: GitHub, ref: RepoRef, path: string, branch: string): Promise<{ text: string; sha: string } | null> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...ref, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

async function proposeCodeowners(gh: GitHub, ref: RepoRef, main: string, text: string, o: SetupInput): Promise<string> {
  const will = (what: string) => o.log(`${o.dryRun ? '[thử] sẽ ' : ''}${what}`);
  const onMain = await fileText(gh, ref, CODEOWNERS_PATH, main);
  if (onMain?.text === text) { o.log('CODEOWNERS trên nhánh chính đã đúng, không đổi.'); return 'unchanged'; }
  const { data: pulls } = await gh.rest.pulls.list({ ...ref, state: 'open', head: `${ref.owner}:${CODEOWNERS_BRANCH}`, base: main, per_page: 10 });
  const onBranch = await fileText(gh, ref, CODEOWNERS_PATH, CODEOWNERS_BRANCH).catch(() => null);
  if (pulls.length && onBranch?.text === text) { o.log(`CODEOWNERS đang chờ nhập ở #${pulls[0]!.number}, không đổi.`); return 'unchanged'; }
  will(`đề xuất CODEOWNERS mới qua nhánh ${CODEOWNERS_BRANCH}.`);
  if (o.dryRun) return 'proposed';
  const { data: head } = await gh.rest.git.getRef({ ...ref, ref: `heads/${main}` });
  let branchExists = true;
  try {
    await gh.rest.git.getRef({ ...ref, ref: `heads/${CODEOWNERS_BRANCH}` });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    branchExists = false;
  }
  // The branch restarts from main each time: it only ever carries this one generated file.
  if (branchExists) await gh.rest.git.updateRef({ ...ref, ref: `heads/${CODEOWNERS_BRANCH}`, sha: head.object.sha, force: true });
  else await gh.rest.git.createRef({ ...ref, ref: `refs/heads/${CODEOWNERS_BRANCH}`, sha: head.object.sha });
  await gh.rest.repos.createOrUpdateFileContents({
    ...ref, path: CODEOWNERS_PATH, branch: CODEOWNERS_BRANCH, message: 'Cập nhật CODEOWNERS từ danh mục đơn vị',
    content: Buffer.from(text, 'utf8').toString('base64'), ...(onMain ? { sha: onMain.sha } : {}),
  });
  if (!pulls.length) {
    await gh.rest.pulls.create({ ...ref, head: CODEOWNERS_BRANCH, base: main, title: 'Cập nhật CODEOWNERS từ danh mục đơn vị',
      body: 'Tệp sinh tự động bởi `npm run setup-github`. Quản trị xem lại rồi nhập.' });
  }
  return 'proposed';
}
