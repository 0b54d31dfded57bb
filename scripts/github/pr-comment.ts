// Posting the report: one sticky comment per pull request (found by its hidden marker, updated
// in place) and a commit status Decap's editor shows (its preview button reads the combined
// status API and takes the first context containing "deploy"; platform notes).
import { COMMENT_MARKER } from './comment.js';
import type { GitHub, RepoRef } from './client.js';

export const STATUS_CONTEXT = 'parindex/deploy-preview';

export async function upsertStickyComment(gh: GitHub, ref: RepoRef, issue: number, body: string,
  o: { dryRun?: boolean; log?: (l: string) => void } = {}): Promise<{ action: 'created' | 'updated' | 'unchanged'; url: string | null }> {
  const log = o.log ?? (() => {});
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...ref, issue_number: issue, per_page: 100 });
  const mine = comments.find((c) => c.body?.startsWith(COMMENT_MARKER) && c.user?.type === 'Bot') ??
    comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
  if (mine && mine.body === body) {
    log(`Bình luận #${mine.id} đã đúng nội dung, không đổi.`);
    return { action: 'unchanged', url: mine.html_url };
  }
  if (o.dryRun) {
    log(`[thử] sẽ ${mine ? `cập nhật bình luận #${mine.id}` : 'tạo bình luận mới'} trên #${issue} (${body.length} ký tự).`);
    return { action: mine ? 'updated' : 'created', url: mine?.html_url ?? null };
  }
  if (mine) {
    const { data } = await gh.rest.issues.updateComment({ ...ref, comment_id: mine.id, body });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await gh.rest.issues.createComment({ ...ref, issue_number: issue, body });
  return { action: 'created', url: data.html_url };
}

export interface StatusInput {
  sha: string;
  allowed: boolean;
  reasons: number;
  targetUrl?: string | null;
}

/** The status text (≤ 140 characters, GitHub's limit). */
export function statusDescription(s: Pick<StatusInput, 'allowed' | 'reasons'>): string {
  return s.allowed ? 'Hợp lệ: bài được nhập vào nhánh chính.' : `Bị từ chối: ${s.reasons} lý do, xem bình luận trên yêu cầu hợp nhất.`;
}

export async function postStatus(gh: GitHub, ref: RepoRef, s: StatusInput, o: { dryRun?: boolean; log?: (l: string) => void } = {}): Promise<void> {
  const body = {
    ...ref, sha: s.sha, state: s.allowed ? 'success' as const : 'failure' as const, context: STATUS_CONTEXT,
    description: statusDescription(s).slice(0, 140), ...(s.targetUrl ? { target_url: s.targetUrl } : {}),
  };
  if (o.dryRun) { o.log?.(`[thử] sẽ đặt trạng thái ${body.context} = ${body.state} cho ${s.sha.slice(0, 7)}.`); return; }
  await gh.rest.repos.createCommitStatus(body);
}
