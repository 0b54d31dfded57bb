// `parindex gate --base <rev> --head <rev> --author <login> [--now <ISO>] [--submitted-at <ISO>]
//   [--format text|json|github] [--root <clone>] [--teams a,b] [--github-teams] [--json-out <file>]`
// Runs on any local clone through isomorphic-git (no git binary). Exit 0 allowed, 1 refused,
// 2 usage. `--author` may be repeated (the PR author and the pusher): every one must pass.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { parseInstant, toZonedIso } from '../core/time.js';
import { formatDateTime } from '../core/format.js';
import { evaluateGate, type GateDecision, type GateReason } from '../core/gate/index.js';
import { openLocalChange, ChangeError, type LocalChange } from '../io/git-change.js';
import { GitRefError } from '../io/git-source.js';
import { formatGithub, formatText } from './format.js';

const USAGE = `Cách dùng: npm run gate -- --base <sha> --head <sha> --author <tài khoản> [--now <ISO>] [--submitted-at <ISO>]
    [--format text|json|github] [--root <thư mục kho>] [--teams <nhóm,nhóm>] [--github-teams] [--json-out <tệp>]
  --base          phiên bản của nhánh chính (đích nhập)
  --head          phiên bản cần xét (nhánh của đơn vị)
  --author        tài khoản GitHub của người gửi (lặp lại được: mọi tài khoản đều phải hợp lệ)
  --now           thời điểm xét (mặc định: bây giờ, hoặc PARINDEX_NOW)
  --submitted-at  thời điểm gửi do máy chủ ghi nhận (GitHub, cổng cục bộ); không bao giờ lấy ngày commit
  --teams         các nhóm (team) của tài khoản, nếu đã biết
  --github-teams  tra nhóm trên GitHub bằng PARINDEX_MEMBERS_TOKEN (quyền Members: read)
  Mã thoát: 0 được nhập, 1 bị từ chối, 2 sai cách dùng.`;

const STATUS_VI = { added: 'thêm', modified: 'sửa', removed: 'xóa', renamed: 'đổi tên' } as const;
const ROLE_VI = { admin: 'quản trị', council: 'Hội đồng thẩm định', unit: 'đơn vị', unknown: 'không xác định' } as const;

export interface GateRun {
  change: LocalChange;
  authors: string[];
  decision: GateDecision;
  now: Date;
  submittedAt?: Date;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, {
      base: { type: 'string' }, head: { type: 'string' }, author: { type: 'string', multiple: true },
      now: { type: 'string' }, 'submitted-at': { type: 'string' }, format: { type: 'string', default: 'text' },
      root: { type: 'string' }, teams: { type: 'string' }, 'github-teams': { type: 'boolean' }, 'json-out': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { ctx.out(USAGE + '\n'); return 0; }
    if (!values.base) throw new UsageError('Thiếu --base (phiên bản của nhánh chính).');
    if (!values.head) throw new UsageError('Thiếu --head (phiên bản cần xét).');
    const authors = [...new Set((values.author ?? []).map((a) => a.trim()).filter(Boolean))];
    if (!authors.length) throw new UsageError('Thiếu --author (tài khoản GitHub của người gửi).');
    const format = values.format!;
    if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`Định dạng không hợp lệ: ${format} (text, json hoặc github).`);
    const now = values.now ? parseInstant(values.now) : ctx.now();
    if (!now) throw new UsageError(`Thời điểm không hợp lệ: --now ${values.now} (ví dụ 2023-11-17T16:59:59+07:00).`);
    let submittedAt: Date | undefined;
    if (values['submitted-at']) {
      submittedAt = parseInstant(values['submitted-at']) ?? undefined;
      if (!submittedAt) throw new UsageError(`Thời điểm không hợp lệ: --submitted-at ${values['submitted-at']}.`);
    }
    const root = values.root ? resolve(values.root) : ctx.root;

    let change: LocalChange;
    try {
      change = await openLocalChange(root, values.base, values.head);
    } catch (error) {
      if (error instanceof GitRefError || error instanceof ChangeError) throw new UsageError(error.message);
      throw new UsageError(`Không mở được kho git tại ${root}: ${(error as Error).message}`);
    }

    const given = values.teams ? values.teams.split(',').map((t) => t.trim()).filter(Boolean) : [];
    let lookup: ((login: string) => string[]) | undefined = given.length ? () => given : undefined;
    if (values['github-teams']) {
      const { githubTeamLookup } = await import('../github/teams.js');
      const fromGithub = await githubTeamLookup(ctx.env, change.baseSource, authors, (m) => ctx.err(m + '\n'));
      if (fromGithub) lookup = (login) => [...given, ...fromGithub(login)];
    }

    const decisions: GateDecision[] = [];
    for (const author of authors) {
      decisions.push(await evaluateGate({
        base: change.baseSource, head: change.view, changes: change.changes, merge: change.merge, author, now,
        ...(submittedAt ? { submittedAt } : {}), ...(lookup ? { teams: lookup } : {}),
      }));
    }
    const decision = combine(authors, decisions);
    const result: GateRun = { change, authors, decision, now, ...(submittedAt ? { submittedAt } : {}) };
    const json = gateJson(result);
    if (values['json-out']) writeFileSync(resolve(values['json-out']), JSON.stringify(json, null, 2) + '\n');
    if (format === 'json') ctx.out(JSON.stringify(json, null, 2) + '\n');
    else if (format === 'github') ctx.out(githubOutput(result));
    else ctx.out(textOutput(result));
    return decision.allowed ? 0 : 1;
  });
}

/** Several authors (PR author and pusher): every one must pass; reasons say whose they are. */
function combine(authors: string[], decisions: GateDecision[]): GateDecision {
  const first = decisions[0]!;
  if (decisions.length === 1) return first;
  const seen = new Set<string>();
  const reasons: GateReason[] = [];
  decisions.forEach((d, i) => {
    for (const r of d.reasons) {
      const k = `${r.rule}|${r.file ?? ''}|${r.line ?? ''}|${r.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      reasons.push(i === 0 ? r : { ...r, message: `[${authors[i]}] ${r.message}` });
    }
  });
  return { ...first, allowed: decisions.every((d) => d.allowed), reasons };
}

export function gateJson(r: GateRun) {
  return {
    allowed: r.decision.allowed,
    authors: r.authors,
    role: r.decision.role,
    units: r.decision.units,
    base: r.change.base,
    head: r.change.head,
    mergeBase: r.change.mergeBase,
    now: toZonedIso(r.now),
    submittedAt: r.submittedAt ? toZonedIso(r.submittedAt) : null,
    judgedAt: toZonedIso(new Date(r.decision.judgedAt)),
    changes: r.change.changes,
    reasons: r.decision.reasons,
    notes: r.decision.notes,
    findings: r.decision.findings.map((f) => ({ ...f, code: f.code ?? null })),
  };
}

function textOutput(r: GateRun): string {
  const d = r.decision;
  const lines: string[] = [];
  lines.push(`Tài khoản: ${r.authors.join(', ')} — vai trò: ${ROLE_VI[d.role]}${d.units.length ? ` (đơn vị: ${d.units.join(', ')})` : ''}`);
  lines.push(`Xét tại: ${formatDateTime(new Date(d.judgedAt), undefined, true)} (giờ Việt Nam)${r.submittedAt && d.judgedAt === r.submittedAt.toISOString() ? ', theo thời điểm gửi' : ''}`);
  lines.push(`Thay đổi ${r.change.mergeBase.slice(0, 7)}..${r.change.head.slice(0, 7)}: ${r.change.changes.length} tệp`);
  for (const c of r.change.changes) lines.push(`  ${STATUS_VI[c.status].padEnd(7)} ${c.previousPath ? `${c.previousPath} → ` : ''}${c.path}`);
  lines.push('');
  lines.push(d.allowed ? 'Kết luận: ĐƯỢC NHẬP vào nhánh chính.' : 'Kết luận: BỊ TỪ CHỐI.');
  if (d.reasons.length) {
    lines.push('Lý do:');
    for (const x of d.reasons) lines.push(`  - ${x.file ? `${x.file}${x.line ? `:${x.line}` : ''}  ` : ''}${x.code ? `[${x.code}] ` : ''}${x.message}  (${x.rule})`);
  }
  if (d.notes.length) {
    lines.push('Ghi chú:');
    for (const x of d.notes) lines.push(`  - ${x.message}`);
  }
  if (d.findings.length) {
    lines.push('', 'Kết quả kiểm tra dữ liệu:');
    lines.push(formatText(d.findings, new Set(d.findings.map((f) => f.file)).size).trimEnd());
  }
  return lines.join('\n') + '\n';
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function githubOutput(r: GateRun): string {
  const d = r.decision;
  const out: string[] = [];
  // Validation errors already appear as findings; reasons repeat them only in text/json.
  for (const x of d.reasons.filter((x) => x.rule !== 'gate-validation')) {
    const props = [x.file ? `file=${escapeProperty(x.file)}` : '', x.line ? `line=${x.line}` : '',
      `title=${escapeProperty(`Cổng kiểm soát${x.code ? ` · Tiêu chí ${x.code}` : ''} · ${x.rule}`)}`].filter(Boolean).join(',');
    out.push(`::error ${props}::${escapeData(x.message)}`);
  }
  for (const x of d.notes) out.push(`::notice title=${escapeProperty('Cổng kiểm soát')}::${escapeData(x.message)}`);
  if (d.findings.length) out.push(formatGithub(d.findings, new Set(d.findings.map((f) => f.file)).size).trimEnd());
  out.push(d.allowed ? 'Kết luận: ĐƯỢC NHẬP vào nhánh chính.' : `Kết luận: BỊ TỪ CHỐI (${d.reasons.length} lý do).`);
  return out.join('\n') + '\n';
}
