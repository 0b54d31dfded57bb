// Evidence the council will accept: a proper document number, dated inside the assessed period,
// a statistics table where the guidance asks for one, and a signed PDF in the unit's own folder
// whose hash matches what was sent (or an http(s) link).
import { defineRule, type SelfAssessmentContext } from './types.js';
import { isLeaf, type Evidence, type FrameworkLeaf, type Item } from '../model.js';
import { evidenceFolder } from '../kinds.js';
import { LETTER_SUFFIX, viDate } from './text.js';

/** One evidence entry with where it sits; built once per file and shared by every rule here. */
interface EvidenceRef { i: number; j: number }
type Entry = [Evidence, EvidenceRef, Item, FrameworkLeaf | undefined];
const entriesCache = new WeakMap<object, Entry[]>();

function entries(ctx: SelfAssessmentContext): Entry[] {
  let list = entriesCache.get(ctx.data);
  if (!list) {
    list = [];
    for (let i = 0; i < ctx.data.items.length; i++) {
      const item = ctx.data.items[i]!;
      const node = ctx.framework?.byCode.get(item.code)?.node;
      const leaf = node && isLeaf(node) ? node : undefined;
      const evs = item.evidence ?? [];
      for (let j = 0; j < evs.length; j++) list.push([evs[j]!, { i, j }, item, leaf]);
    }
    entriesCache.set(ctx.data, list);
  }
  return list;
}

function eachEvidence(ctx: SelfAssessmentContext, fn: (ev: Evidence, ref: EvidenceRef, item: Item, leaf?: FrameworkLeaf) => void) {
  for (const [ev, ref, item, leaf] of entries(ctx)) fn(ev, ref, item, leaf);
}

/** The JSON path of an evidence entry (or one of its fields), built only when reporting. */
const at = (ref: EvidenceRef, ...keys: string[]) => ['items', ref.i, 'evidence', ref.j, ...keys];

/** resolveEvidencePath for an evidence entry, computed once per entry (hot path; the engine
 * collects the files to inspect with the same cache). */
const resolvedCache = new WeakMap<Evidence, { path: string; inside: boolean } | null>();
export function resolvedEvidence(ev: Evidence, year: number, unit: string): { path: string; inside: boolean } | null {
  if (ev.file === undefined) return null;
  let r = resolvedCache.get(ev);
  if (r === undefined) {
    r = resolveEvidencePath(ev.file, year, unit);
    resolvedCache.set(ev, r);
  }
  return r;
}
const resolved = (ctx: SelfAssessmentContext, ev: Evidence) => resolvedEvidence(ev, ctx.pathYear, ctx.pathUnit);

/** Resolves an evidence `file` to a clean repository path, or null when it escapes or is malformed. */
export function resolveEvidencePath(file: string, year: number, unit: string): { path: string; inside: boolean } | null {
  const folder = evidenceFolder(year, unit);
  // Fast path: the plain form the CMS writes ("content/evidence/2023/x/y.pdf").
  if (file.startsWith(folder) && file.length > folder.length && !/\/\.|\/\/|\\|\0/.test(file)) return { path: file, inside: true };
  if (/\\|\0/.test(file) || /^[a-z]+:/i.test(file) || file.startsWith('/')) return null;
  const parts: string[] = [];
  for (const seg of file.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(seg);
  }
  const path = parts.join('/');
  return { path, inside: path.startsWith(folder) && path.length > folder.length };
}

export const evidenceRules = [
  defineRule({
    id: 'evidence-number-suffix', kind: 'self-assessment', severity: 'warning',
    description: 'Số ký hiệu văn bản không được có chữ cái sau số (55a/UBND-BC)',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        if (LETTER_SUFFIX.test(ev.number)) report({ path: at(ref, 'number'), code: item.code, message: `Văn bản “${ev.number}” có số ký hiệu kèm chữ cái (số a, b): Hội đồng thẩm định chấm 0 điểm tiêu chí ${item.code}.` });
      });
    },
  }),
  defineRule({
    id: 'evidence-date-cutoff', kind: 'self-assessment', severity: 'warning',
    description: 'Ngày văn bản không được sau thời điểm chốt số liệu',
    check(ctx, report) {
      const c = ctx.campaign;
      if (!c) return;
      eachEvidence(ctx, (ev, ref, item, leaf) => {
        const deferred = leaf?.deferred === true;
        const cutoff = deferred ? (c.deferredCutoff ?? c.dataCutoff) : c.dataCutoff;
        if (ev.date > cutoff) report({ path: at(ref, 'date'), code: item.code, message: `Văn bản ${ev.number} ngày ${viDate(ev.date)} sau thời điểm chốt số liệu${deferred ? ' của tiêu chí bổ sung đợt 2' : ''} (${viDate(cutoff)}).` });
      });
    },
  }),
  defineRule({
    id: 'evidence-date-before-year', kind: 'self-assessment', severity: 'warning',
    description: 'Văn bản phải ban hành trong năm đánh giá',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        if (ev.date < `${ctx.data.year}-01-01`) report({ path: at(ref, 'date'), code: item.code, message: `Văn bản ${ev.number} ngày ${viDate(ev.date)} ban hành trước năm đánh giá ${ctx.data.year}.` });
      });
    },
  }),
  defineRule({
    id: 'statistics-table-missing', kind: 'self-assessment', severity: 'warning',
    description: 'Tiêu chí yêu cầu Bảng thống kê kết quả phải có bảng thống kê',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        const node = ctx.framework?.byCode.get(item.code)?.node;
        if (!node || !isLeaf(node) || !node.evidence?.statisticsTable) return;
        if (item.score <= 0 || item.notApplicable) return;
        if (!(item.evidence ?? []).some((e) => e.statisticsTable)) {
          report({ path: ['items', i, 'evidence' in item ? 'evidence' : 'score'], code: item.code, message: `Tiêu chí ${item.code} yêu cầu Bảng thống kê kết quả nhưng chưa có tài liệu nào là bảng thống kê: Hội đồng thẩm định chấm 0 điểm.` });
        }
      });
    },
  }),
  defineRule({
    id: 'evidence-url-scheme', kind: 'self-assessment', severity: 'error',
    description: 'Địa chỉ văn bản phải là liên kết http hoặc https',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        if (ev.url === undefined) return;
        let ok = false;
        try {
          const u = new URL(ev.url);
          ok = (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
        } catch { /* not a URL */ }
        if (!ok) report({ path: at(ref, 'url'), code: item.code, message: `Địa chỉ “${ev.url.slice(0, 80)}” của văn bản ${ev.number} không phải liên kết http(s) hợp lệ.` });
      });
    },
  }),
  defineRule({
    id: 'evidence-file-outside', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải nằm trong thư mục của đơn vị: content/evidence/<năm>/<đơn vị>/',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        if (ev.file === undefined) return;
        const r = resolved(ctx, ev);
        if (!r || !r.inside) report({ path: at(ref, 'file'), code: item.code, message: `Tệp “${ev.file}” nằm ngoài thư mục kiểm chứng của đơn vị (${evidenceFolder(ctx.pathYear, ctx.pathUnit)}).` });
      });
    },
  }),
  defineRule({
    id: 'evidence-file-missing', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải tồn tại',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        const r = resolved(ctx, ev);
        if (!r?.inside) return;
        if (ctx.evidence.get(r.path)?.exists === false) report({ path: at(ref, 'file'), code: item.code, message: `Không tìm thấy tệp “${ev.file}” (văn bản ${ev.number}).` });
      });
    },
  }),
  defineRule({
    id: 'evidence-file-not-pdf', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải là PDF',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        const r = resolved(ctx, ev);
        const info = r?.inside ? ctx.evidence.get(r.path) : undefined;
        if (info?.exists && !info.pdf?.isPdf) report({ path: at(ref, 'file'), code: item.code, message: `Tệp “${ev.file}” không phải tệp PDF (văn bản điện tử phải là PDF ký số).` });
      });
    },
  }),
  defineRule({
    id: 'evidence-sha256-mismatch', kind: 'self-assessment', severity: 'error',
    description: 'Mã băm SHA-256 phải khớp nội dung tệp',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        const r = resolved(ctx, ev);
        const info = r?.inside ? ctx.evidence.get(r.path) : undefined;
        if (!info?.exists) return;
        if (!ev.sha256) report({ path: at(ref), code: item.code, message: `Văn bản ${ev.number} thiếu mã băm SHA-256 của tệp (được tính tự động khi tải tệp lên).` });
        else if (ev.sha256 !== info.sha256) report({ path: at(ref, 'sha256'), code: item.code, message: `Tệp “${ev.file}” đã bị thay đổi: mã băm SHA-256 không khớp nội dung tệp.` });
      });
    },
  }),
  defineRule({
    id: 'evidence-unsigned', kind: 'self-assessment', severity: 'warning',
    description: 'Tài liệu kiểm chứng phải là văn bản điện tử được ký số',
    check(ctx, report) {
      eachEvidence(ctx, (ev, ref, item) => {
        const r = resolved(ctx, ev);
        const info = r?.inside ? ctx.evidence.get(r.path) : undefined;
        if (!info?.exists || !info.pdf?.isPdf || info.pdf.signed) return;
        const why = info.pdf.problem === 'partial-coverage' ? ' (chữ ký không bao trùm toàn bộ tệp: tệp bị sửa sau khi ký)' :
          info.pdf.problem === 'empty-signature' ? ' (có ô chữ ký nhưng chưa ký)' : '';
        report({ path: at(ref, 'file'), code: item.code, message: `Tệp “${ev.file}” (văn bản ${ev.number}) chưa được ký số${why}.` });
      });
    },
  }),
];
