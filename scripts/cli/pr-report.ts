// `parindex pr-report <render|post|submitted-at|queue> …`: the GitHub side of the Check workflow.
//   render        the Vietnamese report (PR comment, job summary) from `gate --json-out`; no network
//   post          the sticky PR comment and the commit status Decap shows (Check, verdict job)
//   submitted-at  the server-side send time of a pull request's head (docs/deadline-semantics.md)
//   queue         author, head and send time of the pull request a merge-queue run is about
//   pushers       the accounts the gate must judge: the author and whoever pushed its commits
//   check-run     the verdict as the check run `parindex/gate`, reported with the App's token
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { toZonedIso } from '../core/time.js';

const USAGE = `Cách dùng: npm run pr-report -- <lệnh> [tùy chọn]
  render        --decision <tệp json của gate> [--root <kho>] [--repository <chủ/kho>] [--server-url <URL>] [--run-url <URL>] [--out <tệp>]
  post          --pr <số> --sha <sha> --comment <tệp> --decision <tệp> [--repository <chủ/kho>] [--dry-run]
  submitted-at  --pr <số> --sha <sha> [--repository <chủ/kho>] [--github-output]
  queue         --head-ref <nhánh hàng đợi> [--repository <chủ/kho>] [--github-output]
  pushers       --pr <số> [--repository <chủ/kho>] [--retries <số lần>] [--github-output]
  check-run     --sha <sha> --conclusion success|failure [--summary <tệp>] [--details-url <URL>] [--repository <chủ/kho>]
  Mã truy cập: GITHUB_TOKEN; máy chủ: GITHUB_API_URL, GITHUB_SERVER_URL.`;

const OPTIONS = {
  decision: { type: 'string' }, root: { type: 'string' }, repository: { type: 'string' }, 'server-url': { type: 'string' },
  'run-url': { type: 'string' }, out: { type: 'string' }, pr: { type: 'string' }, sha: { type: 'string' }, comment: { type: 'string' },
  'dry-run': { type: 'boolean' }, 'github-output': { type: 'boolean' }, 'head-ref': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  retries: { type: 'string' }, conclusion: { type: 'string' }, summary: { type: 'string' }, 'details-url': { type: 'string' },
} as const;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const [sub, ...rest] = args;
    const { values } = parseCliArgs(rest, OPTIONS);
    if (!sub || sub === '--help' || sub === '-h') { ctx.out(USAGE + '\n'); return sub ? 0 : 2; }
    const { parseRepository } = await import('../github/client.js');
    const repoText = values.repository ?? ctx.env.GITHUB_REPOSITORY;
    const ref = parseRepository(repoText);
    const needRef = () => {
      if (!ref) throw new UsageError(`Thiếu hoặc sai --repository (dạng chủ/kho)${repoText ? `: ${repoText}` : ''}.`);
      return ref;
    };
    const prNumber = () => {
      const n = Number(values.pr);
      if (!values.pr || !Number.isInteger(n) || n <= 0) throw new UsageError('Thiếu hoặc sai --pr (số của yêu cầu hợp nhất).');
      return n;
    };
    const sha = () => {
      if (!values.sha || !/^[0-9a-f]{40}$/i.test(values.sha)) throw new UsageError('Thiếu hoặc sai --sha (mã commit đầy đủ 40 ký tự).');
      return values.sha.toLowerCase();
    };
    const readDecision = async () => {
      if (!values.decision) throw new UsageError('Thiếu --decision (tệp JSON do gate --json-out ghi).');
      const { parseGateJson } = await import('../github/gate-json.js');
      try {
        return parseGateJson(readFileSync(resolve(values.decision), 'utf8'));
      } catch (error) {
        throw new UsageError(`Không đọc được ${values.decision}: ${(error as Error).message}`);
      }
    };
    const output = (pairs: Record<string, string>) => {
      const lines = Object.entries(pairs).map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}`);
      if (values['github-output'] && ctx.env.GITHUB_OUTPUT) appendFileSync(ctx.env.GITHUB_OUTPUT, lines.join('\n') + '\n');
      ctx.out(lines.join('\n') + '\n');
    };

    switch (sub) {
      case 'render': {
        const gate = await readDecision();
        const r = needRef();
        const { openLocalChange } = await import('../io/git-change.js');
        const change = await openLocalChange(values.root ? resolve(values.root) : ctx.root, gate.base, gate.head);
        const { buildReport } = await import('../github/report.js');
        const { renderReport } = await import('../github/comment.js');
        const server = (values['server-url'] ?? ctx.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
        const model = await buildReport(gate, change.baseSource, change.view, {
          server, ...r, ...(values['run-url'] ? { runUrl: values['run-url'] } : {}), ...(values.pr ? { pr: prNumber() } : {}),
        });
        const body = renderReport(model);
        if (values.out) writeFileSync(resolve(values.out), body);
        else ctx.out(body);
        return 0;
      }
      case 'post': {
        const r = needRef();
        const n = prNumber();
        const head = sha();
        if (!values.comment) throw new UsageError('Thiếu --comment (tệp nội dung bình luận).');
        const gate = await readDecision();
        const body = readFileSync(resolve(values.comment), 'utf8');
        const { COMMENT_MARKER, COMMENT_LIMIT } = await import('../github/comment.js');
        // The files come from a run of pull-request code: post them only when they are what
        // this tool writes and belong to the commit GitHub says the run was for.
        if (!body.startsWith(COMMENT_MARKER) || body.length > COMMENT_LIMIT + 1000) { ctx.err('Nội dung bình luận không hợp lệ: không đăng.\n'); return 1; }
        if (gate.head !== head) { ctx.err(`Kết quả kiểm tra thuộc commit ${gate.head.slice(0, 7)}, không phải ${head.slice(0, 7)}: không đăng.\n`); return 1; }
        const { githubFromEnv } = await import('../github/client.js');
        const gh = githubFromEnv(ctx.env, ['GITHUB_TOKEN'], !values['dry-run']);
        if (!gh) { ctx.out(`[thử] sẽ đăng bình luận (${body.length} ký tự) và trạng thái cho ${head.slice(0, 7)} trên #${n}.\n`); return 0; }
        const { data: pr } = await gh.rest.pulls.get({ ...r, pull_number: n });
        if (pr.head.sha !== head) { ctx.err(`#${n} đã có commit mới (${pr.head.sha.slice(0, 7)}): bỏ qua kết quả cũ của ${head.slice(0, 7)}.\n`); return 0; }
        const { upsertStickyComment, postStatus } = await import('../github/pr-comment.js');
        const log = (l: string) => ctx.out(l + '\n');
        const posted = await upsertStickyComment(gh, r, n, body, { dryRun: values['dry-run'], log });
        await postStatus(gh, r, { sha: head, allowed: gate.allowed, reasons: gate.reasons.length, targetUrl: posted.url }, { dryRun: values['dry-run'], log });
        ctx.out(`Bình luận: ${posted.action}${posted.url ? ` (${posted.url})` : ''}.\n`);
        return 0;
      }
      case 'submitted-at': {
        const r = needRef();
        const n = prNumber();
        const head = sha();
        const { githubFromEnv } = await import('../github/client.js');
        const gh = githubFromEnv(ctx.env, ['GITHUB_TOKEN'])!;
        const { submissionTime } = await import('../github/submitted.js');
        const s = await submissionTime(gh, r, n, head);
        output({ submitted_at: s.submittedAt ? toZonedIso(s.submittedAt) : '' });
        return 0;
      }
      case 'queue': {
        const r = needRef();
        // gh-readonly-queue/<base>/pr-<number>-<head sha>
        const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-([0-9a-f]{40})$/.exec(values['head-ref'] ?? '');
        if (!m) throw new UsageError(`Không nhận ra nhánh hàng đợi: ${values['head-ref'] ?? '(trống)'}.`);
        const { githubFromEnv } = await import('../github/client.js');
        const gh = githubFromEnv(ctx.env, ['GITHUB_TOKEN'])!;
        const { data: pr } = await gh.rest.pulls.get({ ...r, pull_number: Number(m[1]) });
        if (pr.head.sha !== m[2]) { ctx.err(`#${m[1]} đã đổi commit trong khi chờ: ${pr.head.sha.slice(0, 7)} ≠ ${m[2]!.slice(0, 7)}.\n`); return 1; }
        const { submissionTime } = await import('../github/submitted.js');
        const s = await submissionTime(gh, r, pr.number, pr.head.sha);
        output({ pr: String(pr.number), author: pr.user?.login ?? '', pr_head_sha: pr.head.sha, submitted_at: s.submittedAt ? toZonedIso(s.submittedAt) : '' });
        return 0;
      }
      case 'pushers': {
        const r = needRef();
        const n = prNumber();
        const retries = values.retries === undefined ? 0 : Number(values.retries);
        if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UsageError('--retries là số nguyên từ 0 đến 10.');
        const { githubFromEnv } = await import('../github/client.js');
        const gh = githubFromEnv(ctx.env, ['GITHUB_TOKEN'])!;
        const { prPushers } = await import('../github/pushers.js');
        let found = await prPushers(gh, r, n);
        // The push that triggered this run may not be listed yet: ask again a few seconds later.
        for (let i = 0; i < retries && !found.fork && !found.headPusherKnown; i++) {
          await new Promise((done) => setTimeout(done, 5000));
          found = await prPushers(gh, r, n);
        }
        if (!found.commitsListed) {
          ctx.err(`#${n} có quá nhiều commit để GitHub liệt kê hết (tối đa 250): không xác định được mọi người đã đẩy commit. Gộp (squash) các commit rồi gửi lại.\n`);
          return 1;
        }
        if (found.fork) ctx.err(`#${n} gửi từ nhánh của kho khác (fork): chỉ xét người tạo yêu cầu hợp nhất ${found.author}.\n`);
        else if (!found.headPusherKnown) {
          ctx.err(`Không xác định được ai đã đẩy commit ${found.headSha.slice(0, 7)} lên nhánh của #${n} (nhật ký hoạt động của kho chưa ghi). Chạy lại kiểm tra sau ít phút.\n`);
          return 1;
        }
        output({ authors: found.logins.join(' ') });
        return 0;
      }
      case 'check-run': {
        const r = needRef();
        const head = sha();
        const conclusion = values.conclusion;
        if (conclusion !== 'success' && conclusion !== 'failure') throw new UsageError('--conclusion là success hoặc failure.');
        const summary = values.summary ? readFileSync(resolve(values.summary), 'utf8') : '';
        const { githubFromEnv } = await import('../github/client.js');
        const gh = githubFromEnv(ctx.env, ['PARINDEX_APP_TOKEN'])!;
        const { postGateCheck } = await import('../github/gate-check.js');
        const url = await postGateCheck(gh, r, { sha: head, allowed: conclusion === 'success', summary, ...(values['details-url'] ? { detailsUrl: values['details-url'] } : {}) });
        ctx.out(`Đã báo ${conclusion === 'success' ? 'đạt' : 'không đạt'} cho ${head.slice(0, 7)}${url ? ` (${url})` : ''}.\n`);
        return 0;
      }
      default:
        throw new UsageError(`Lệnh con không tồn tại: ${sub}`);
    }
  });
}
