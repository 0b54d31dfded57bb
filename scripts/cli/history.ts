// `parindex history --year 2023 [--at <ISO>] [--unit <id>] [--format table|json] [--ref main]`
// For each unit: the last change to its self-assessment at or before --at (commit, time, where
// the time comes from) and its submission timeline. Exit 1 when history cannot be trusted
// (shallow clone, no repository).
import type { CliContext } from './context.js';
import { resolve } from 'node:path';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { parseInstant } from '../core/time.js';
import { fsSource } from '../io/fs-source.js';
import { requireUnit, unitPath } from './unit-arg.js';
import { formatDateTime } from '../core/format.js';
import type { HistoryOptions, HistoryRepo, Submission, Timeline, TimeSource } from '../core/history/index.js';

const USAGE = 'Cách dùng: npm run history -- --year <năm> [--at <thời điểm ISO>] [--unit <mã đơn vị>] [--format table|json] [--ref main] [--no-cache] [--no-github] [--root <thư mục kho>]';

export const TIME_SOURCE_VI: Record<TimeSource, string> = {
  github: 'GitHub',
  committer: 'giờ commit',
  inherited: 'theo commit trước',
  submitted: 'giờ bấm “Gửi đi”',
};

export const TIME_SOURCE_LEGEND =
  'Nguồn giờ: “GitHub” = giờ máy chủ GitHub ghi khi gộp pull request; “giờ commit” = ngày giờ ghi trong commit ' +
  '(máy chủ đặt khi GitHub tạo commit gộp, còn lại do máy người gửi đặt); “theo commit trước” = ngày ghi trong commit ' +
  'sớm hơn commit đứng trước nó trên nhánh chính, nên lấy giờ của commit đó (không commit nào vào nhánh trước commit cha); ' +
  '“giờ bấm Gửi đi” = giờ đơn vị gửi bài do máy nhập bài (cổng cục bộ, máy nhập của GitHub) ghi trong commit gộp.';

export const VIA_VI: Record<Submission['via'], string> = {
  'pull-request-merge': 'gộp PR',
  'squash-merge': 'gộp PR (squash)',
  'branch-merge': 'gộp nhánh',
  merge: 'commit gộp',
  direct: 'commit trực tiếp',
};

const STATUS_VI: Record<Submission['status'], string> = { added: 'tạo mới', modified: 'sửa', deleted: 'xóa', renamed: 'đổi tên' };

export const short = (sha: string) => sha.slice(0, 10);
export const when = (iso: string) => formatDateTime(new Date(iso), undefined, true);

/** Options shared by `history` and `audit`. */
export const COMMON_OPTIONS = {
  ref: { type: 'string' },
  format: { type: 'string', default: 'table' },
  year: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'no-github': { type: 'boolean', default: false },
  engine: { type: 'string' },
  root: { type: 'string' },
} as const;

export function parseYear(value: string | undefined): number {
  const year = Number(value);
  if (!value || !Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('Thiếu hoặc sai --year (ví dụ --year 2023).');
  return year;
}

/**
 * Opens the repository's history for a command: merge times from GitHub when the environment
 * has a token and the repository name (CI), unless --no-github. Prints the reason and returns
 * null when history cannot be used.
 */
export async function openForCli(ctx: CliContext, values: { ref?: string; 'no-cache'?: boolean; 'no-github'?: boolean; engine?: string; format?: string; root?: string }): Promise<HistoryRepo | null> {
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`Định dạng không hợp lệ: ${values.format} (table hoặc json).`);
  if (values.engine && values.engine !== 'fast' && values.engine !== 'isomorphic-git') throw new UsageError('--engine là fast hoặc isomorphic-git.');
  const history = await import('../core/history/index.js');
  const options: HistoryOptions = {
    ...(values.ref ? { ref: values.ref } : {}),
    ...(values['no-cache'] ? { cacheDir: null } : {}),
    ...(values.engine ? { engine: values.engine as 'fast' | 'isomorphic-git' } : {}),
  };
  const token = ctx.env.GITHUB_TOKEN;
  const repository = ctx.env.GITHUB_REPOSITORY;
  if (!values['no-github'] && token && repository) {
    options.lookupMergeTime = history.githubMergeTimes({
      token, repository,
      onError: (e) => ctx.err(`Cảnh báo: không lấy được giờ gộp pull request từ GitHub (${e.message}); dùng giờ commit.\n`),
    });
  }
  try {
    return await history.openHistory(values.root ? resolve(values.root) : ctx.root, options);
  } catch (error) {
    if (error instanceof history.HistoryError) {
      ctx.err(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/** Runs a history query, turning a HistoryError (e.g. a bad --from) into a message and exit 1. */
export async function reportHistoryErrors(ctx: CliContext, body: () => Promise<number>): Promise<number> {
  const { HistoryError } = await import('../core/history/index.js');
  try {
    return await body();
  } catch (error) {
    if (error instanceof HistoryError) {
      if (error.code === 'bad-point') throw new UsageError(error.message);
      ctx.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { ...COMMON_OPTIONS, at: { type: 'string' }, unit: { type: 'string' } });
    const year = parseYear(values.year);
    const at = values.at ? parseInstant(values.at) : ctx.now();
    if (!at) throw new UsageError(`Thời điểm không hợp lệ: ${values.at} (ví dụ 2023-11-17T17:00+07:00).`);
    const history = await openForCli(ctx, values);
    if (!history) return 1;
    return reportHistoryErrors(ctx, async () => {
      const timeline = await history.timeline({ year, at, ...(values.unit ? { unit: values.unit } : {}) });
      history.save();
      history.close();
      // Only an empty answer needs the registry: a unit removed from it still has its history.
      if (values.unit && timeline.units.length === 0) await requireUnit(values.unit, (u) => unitInWorkingTree(values.root ? resolve(values.root) : ctx.root, u));
      if (values.format === 'json') ctx.out(JSON.stringify(timeline, null, 2) + '\n');
      else ctx.out(table(timeline, values.unit));
      if (values.unit && timeline.units.length === 0) {
        ctx.err(`Đơn vị ${values.unit} chưa có thay đổi nào trong ${`content/self-assessments/${year}/`} trên ${timeline.ref}.\n`);
      }
      return 0;
    });
  });
}

export async function unitInWorkingTree(root: string, unit: string): Promise<boolean> {
  return (await fsSource(root).read(unitPath(unit))) !== null;
}

function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd());
}

function onTimeVi(s: Submission): string {
  return s.onTime === null ? '—' : s.onTime ? 'đúng hạn' : 'QUÁ HẠN';
}

function table(t: Timeline, unit: string | undefined): string {
  const out: string[] = [`Lịch sử nộp bảng tự chấm điểm năm ${t.year} — nhánh ${t.ref} (commit mới nhất ${short(t.tip)})`];
  out.push(`Thời điểm xem: ${when(t.at)} · ảnh chụp: ${t.snapshot
    ? `commit ${short(t.snapshot.sha)}, vào nhánh lúc ${when(t.snapshot.time)} (${TIME_SOURCE_VI[t.snapshot.timeSource]})`
    : 'chưa có commit nào đến thời điểm này'}`);
  out.push(t.window
    ? `Hạn tự đánh giá: ${when(t.window.start)} – ${when(t.window.end)} (từ ${when(t.window.end)} là đã khóa)`
    : 'Không đọc được hạn tự đánh giá từ tệp đợt đánh giá: không xét đúng hạn.');
  out.push('');
  if (t.units.length === 0) {
    out.push('(chưa có đơn vị nào nộp)');
  } else if (unit) {
    for (const u of t.units) {
      out.push(`Đơn vị ${u.unit} (${u.path})${u.present ? '' : ' — không có trong ảnh chụp'}`);
      out.push(...columns([
        ['Thời điểm', 'Nguồn giờ', 'Commit', 'Cách vào nhánh', 'PR', 'Người gửi', 'Thay đổi', 'Hạn', 'Trong ảnh chụp'],
        ...u.submissions.map((s) => [when(s.time), TIME_SOURCE_VI[s.timeSource], short(s.sha), VIA_VI[s.via], s.pr ? `#${s.pr}` : '—',
          `${s.author.name} <${s.author.email}>`,
          `${STATUS_VI[s.status]}${s.renamedFrom ? ` từ ${s.renamedFrom}` : ''}${s.renamedTo ? ` thành ${s.renamedTo}` : ''}`,
          onTimeVi(s), s.inSnapshot ? 'có' : 'không']),
      ]).map((l) => `  ${l}`));
    }
  } else {
    out.push(...columns([
      ['Đơn vị', 'Nộp lần đầu', 'Lần cuối đến thời điểm xem', 'Nguồn giờ', 'Commit', 'PR', 'Hạn', 'Số lần', 'Sau thời điểm xem'],
      ...t.units.map((u) => {
        const later = u.submissions.filter((s) => !s.inSnapshot).length;
        return [u.present ? u.unit : `${u.unit} (không có trong ảnh chụp)`, u.first ? when(u.first.time) : '—', u.last ? when(u.last.time) : '—', u.last ? TIME_SOURCE_VI[u.last.timeSource] : '—',
          u.last ? short(u.last.sha) : '—', u.last?.pr ? `#${u.last.pr}` : '—', u.last ? onTimeVi(u.last) : '—',
          String(u.submissions.length - later), later ? String(later) : ''];
      }),
    ]));
    const late = t.units.filter((u) => u.last?.onTime === false).length;
    out.push('', `${t.units.length} đơn vị; ${late} đơn vị có lần nộp cuối (tính đến thời điểm xem) sau hạn.`);
  }
  out.push('', TIME_SOURCE_LEGEND);
  return out.join('\n') + '\n';
}
