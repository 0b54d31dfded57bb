// `npm run lock`: make GitHub's submission lock match the campaign clock, idempotently, and
// merge the sends that were made on time but not merged before the lock closed.
// A scheduled run may start minutes late (platform notes): runs are scheduled ahead of the
// usual deadlines and a run that finds a change due within `waitMinutes` sleeps until the exact
// instant and applies it then.
import type { KeyObject } from 'node:crypto';
import { submittedTrailer } from '../core/history/messages.js';
import { sealMerge } from '../core/history/seal.js';
import { toZonedIso } from '../core/time.js';
import type { Access, Campaign } from '../core/model.js';
import { lockPlan, type LockPlan } from '../core/gate/lock.js';
import { formatDateTime } from '../core/format.js';
import type { GitHub, RepoRef } from './client.js';
import { gateApp, lockBypassActors, setLockEnforcement, CHECK_CONTEXT, type RulesetAction } from './rulesets.js';
import { READY_LABEL, submissionTime } from './submitted.js';

export interface LockOptions {
  campaigns: Campaign[];
  access?: Access;
  now: () => Date;
  dryRun?: boolean;
  /** Sleep until a change due within this many minutes, then apply it too. */
  waitMinutes?: number;
  sweep?: boolean;
  /**
   * The merge bot's Ed25519 key: seals the send-time trailer of each merge so that history
   * trusts it (scripts/core/history/seal.ts). Without it the trailer is written unsealed and
   * history keeps the merge's own time.
   */
  sealKey?: KeyObject;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface LockRun {
  plan: LockPlan;
  action: RulesetAction | 'dry-run';
  merged: number[];
}

export async function runLock(gh: GitHub | null, ref: RepoRef | null, o: LockOptions): Promise<LockRun[]> {
  const runs: LockRun[] = [];
  const sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let step = 0; step < 4; step++) {
    const now = o.now();
    const plan = lockPlan(o.campaigns, now);
    o.log(`${formatDateTime(now, undefined, true)}: ${plan.summary}`);
    const enforcement = plan.active ? 'active' : 'disabled';
    let action: LockRun['action'] = 'dry-run';
    if (gh && ref) {
      action = await setLockEnforcement(gh, ref, enforcement, () => lockBypassActors(gh, ref, o.access, o.log), { dryRun: o.dryRun, log: o.log });
    } else {
      o.log(`[thử] ruleset “parindex: khóa nộp bài” cần ở trạng thái ${enforcement} (không có mã truy cập: không đọc GitHub).`);
    }
    const merged = gh && ref && o.sweep && plan.active && plan.lastClosed ? await sweepOnTime(gh, ref, plan, o) : [];
    runs.push({ plan, action, merged });
    const next = plan.nextChange;
    if (!o.waitMinutes || !next) break;
    const wait = next.at.getTime() - now.getTime();
    if (wait > o.waitMinutes * 60_000) break;
    o.log(`Chờ đến ${formatDateTime(next.at, next.timezone, true)} để áp dụng thay đổi tiếp theo.`);
    // One second past the boundary: windows are [start, end), so the instant itself has changed.
    await sleep(wait + 1000);
  }
  return runs;
}

/**
 * Pull requests sent (ready label, server-side send time) before the window that just closed,
 * whose required check passed on that very head: merged by the bot, which bypasses the lock.
 * `sha` makes GitHub refuse the merge if the head moved since.
 */
export async function sweepOnTime(gh: GitHub, ref: RepoRef, plan: LockPlan, o: Pick<LockOptions, 'dryRun' | 'log' | 'sealKey' | 'access'>): Promise<number[]> {
  const closed = plan.lastClosed!;
  const merged: number[] = [];
  // Only the check our own app reports counts: any workflow can name a job parindex/gate.
  const app = await gateApp(gh, o.access);
  if (!o.sealKey) o.log('Cảnh báo: không có khóa niêm phong (PARINDEX_SEAL_PRIVATE_KEY): thời điểm gửi ghi trong commit gộp sẽ không được lịch sử tin.');
  const { data: repo } = await gh.rest.repos.get(ref);
  const pulls = await gh.paginate(gh.rest.pulls.list, { ...ref, state: 'open', base: repo.default_branch, per_page: 100 });
  for (const pr of pulls) {
    if (!pr.labels.some((l) => l.name === READY_LABEL)) continue;
    const sent = await submissionTime(gh, ref, pr.number, pr.head.sha);
    if (!sent.submittedAt || sent.submittedAt.getTime() >= closed.end.getTime()) continue;
    const { data: runs } = await gh.rest.checks.listForRef({ ...ref, ref: pr.head.sha, check_name: CHECK_CONTEXT, filter: 'latest', app_id: app.id });
    const check = runs.check_runs[0];
    if (check?.conclusion !== 'success') {
      o.log(`#${pr.number}: gửi lúc ${formatDateTime(sent.submittedAt, closed.timezone, true)} nhưng kiểm tra ${CHECK_CONTEXT} chưa đạt: không nhập.`);
      continue;
    }
    o.log(`${o.dryRun ? '[thử] sẽ nhập' : 'Nhập'} #${pr.number}: gửi lúc ${formatDateTime(sent.submittedAt, closed.timezone, true)}, trước hạn ${formatDateTime(closed.end, closed.timezone)}.`);
    if (o.dryRun) { merged.push(pr.number); continue; }
    try {
      // GitHub's default title keeps the PR number for history; the trailers record the send
      // and seal it over the head `sha` pins (the merge's second parent).
      const iso = toZonedIso(sent.submittedAt, closed.timezone);
      const trailers = o.sealKey ? sealMerge({ mergedHeads: [pr.head.sha], submittedIso: iso, privateKey: o.sealKey }) : submittedTrailer(iso);
      await gh.rest.pulls.merge({ ...ref, pull_number: pr.number, sha: pr.head.sha, merge_method: 'merge',
        commit_message: `Bài gửi đúng hạn lúc ${formatDateTime(sent.submittedAt, closed.timezone, true)}, nhập sau khi khóa.\n\n${trailers}` });
      merged.push(pr.number);
    } catch (error) {
      o.log(`#${pr.number}: GitHub từ chối nhập (${(error as Error).message}).`);
    }
  }
  return merged;
}
