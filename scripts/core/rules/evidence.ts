// Evidence the council will accept: a proper document number, dated inside the assessed period,
// a statistics table where the guidance asks for one, and a signed PDF in the unit's own folder
// whose hash matches what was sent (or an http(s) link).
import { isCanonicalPath } from '../paths.js';
import { defineRule, type SelfAssessmentContext } from './types.js';
import { isLeaf, type Evidence, type FrameworkIndex, type FrameworkLeaf, type Item, type SelfAssessment } from '../model.js';
import { evidenceFolder } from '../kinds.js';
import { LETTER_SUFFIX, viDate } from './text.js';
import { counts } from '../evidence/verdict.js';

/** One evidence entry with everything the evidence rules read. Built once per file and shared
 * by every rule here and by the engine (which inspects the files it resolves to): these rules
 * run over every document of every item, the hottest loop of a validation run. */
export interface EvidenceEntry {
  ev: Evidence;
  /** Index of the item and of the entry in its evidence list. */
  i: number;
  j: number;
  item: Item;
  leaf: FrameworkLeaf | undefined;
  /** Where `file` resolves: undefined without a file, null when it escapes or is malformed. */
  file: ResolvedPath | null | undefined;
}

export interface ResolvedPath { path: string; inside: boolean }

// Not memoised in a WeakMap keyed by the data: V8's scavenger processes every live weak-map
// entry, which tripled its work on a validation run (measured: 650 → 200 ms per 3,000 files).
export function evidenceEntries(data: SelfAssessment, year: number, unit: string, framework?: FrameworkIndex): EvidenceEntry[] {
  const list: EvidenceEntry[] = [];
  // One resolution (and one path string) per distinct file: every rule then looks the same
  // string up, whose hash V8 computes once, instead of hashing a fresh slice per entry.
  const resolved = new Map<string, ResolvedPath | null>();
  for (let i = 0; i < data.items.length; i++) {
    const item = data.items[i]!;
    const node = framework?.byCode.get(item.code)?.node;
    const leaf = node && isLeaf(node) ? node : undefined;
    const evs = item.evidence ?? [];
    for (let j = 0; j < evs.length; j++) {
      const ev = evs[j]!;
      let file: ResolvedPath | null | undefined;
      if (ev.file !== undefined) {
        file = resolved.get(ev.file);
        if (file === undefined) resolved.set(ev.file, file = resolveEvidencePath(ev.file, year, unit));
      }
      list.push({ ev, i, j, item, leaf, file });
    }
  }
  return list;
}

export const entries = (ctx: SelfAssessmentContext) => (ctx.entries ??= evidenceEntries(ctx.data, ctx.pathYear, ctx.pathUnit, ctx.framework));

/** What the engine found at an entry's file, when the file is inside the unit's folder. */
export const inspected = (ctx: SelfAssessmentContext, e: EvidenceEntry) => (e.file?.inside ? ctx.evidence.get(e.file.path) : undefined);

/** The JSON path of an evidence entry (or one of its fields), built only when reporting. */
export const at = (e: EvidenceEntry, ...keys: string[]) => ['items', e.i, 'evidence', e.j, ...keys];

const PLAIN_TAIL = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

/**
 * An evidence `file` as a repository path, or null when it is not canonical (`..`, `./`, `\\`, a
 * scheme, a `.git` segment: core/paths.ts refuses them rather than resolving them, as the gate does).
 */
export function resolveEvidencePath(file: string, year: number, unit: string): ResolvedPath | null {
  const folder = evidenceFolder(year, unit);
  // Fast path: the plain form the CMS writes ("content/evidence/2023/x/y.pdf"), segments that
  // cannot be ".", "..", ".git" or empty because none starts with a dot.
  if (file.startsWith(folder) && PLAIN_TAIL.test(file.slice(folder.length))) return { path: file, inside: true };
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || !isCanonicalPath(file)) return null;
  return { path: file, inside: file.startsWith(folder) && file.length > folder.length };
}

// A plain http(s) link with a named ASCII host (no IP address, port or punycode label to check): accepted without
// building a URL object, which dominated this rule. Anything else goes to the URL parser.
const PLAIN_HTTP = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)+[a-z]{2,63}(?:[/?#][\x21-\x7e]*)?$/i;

export function isHttpUrl(url: string): boolean {
  if (PLAIN_HTTP.test(url)) return true;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}

export const evidenceRules = [
  defineRule({
    id: 'evidence-number-suffix', kind: 'self-assessment', severity: 'warning',
    description: 'Số ký hiệu văn bản không được có chữ cái sau số (55a/UBND-BC)',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        if (LETTER_SUFFIX.test(ev.number)) report({ path: at(e, 'number'), code: item.code, message: `Văn bản “${ev.number}” có số ký hiệu kèm chữ cái (số a, b): Hội đồng thẩm định chấm 0 điểm tiêu chí ${item.code}.` });
      }
    },
  }),
  defineRule({
    id: 'evidence-date-cutoff', kind: 'self-assessment', severity: 'warning',
    description: 'Ngày văn bản không được sau thời điểm chốt số liệu',
    check(ctx, report) {
      const c = ctx.campaign;
      if (!c) return;
      for (const e of entries(ctx)) {
        const { ev, item, leaf } = e;
        const deferred = leaf?.deferred === true;
        const cutoff = deferred ? (c.deferredCutoff ?? c.dataCutoff) : c.dataCutoff;
        if (ev.date > cutoff) report({ path: at(e, 'date'), code: item.code, message: `Văn bản ${ev.number} ngày ${viDate(ev.date)} sau thời điểm chốt số liệu${deferred ? ' của tiêu chí bổ sung đợt 2' : ''} (${viDate(cutoff)}).` });
      }
    },
  }),
  defineRule({
    id: 'evidence-date-before-year', kind: 'self-assessment', severity: 'warning',
    description: 'Văn bản phải ban hành trong năm đánh giá',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        if (ev.date < `${ctx.data.year}-01-01`) report({ path: at(e, 'date'), code: item.code, message: `Văn bản ${ev.number} ngày ${viDate(ev.date)} ban hành trước năm đánh giá ${ctx.data.year}.` });
      }
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
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        if (ev.url === undefined) continue;
        if (!isHttpUrl(ev.url)) report({ path: at(e, 'url'), code: item.code, message: `Địa chỉ “${ev.url.slice(0, 80)}” của văn bản ${ev.number} không phải liên kết http(s) hợp lệ.` });
      }
    },
  }),
  defineRule({
    id: 'evidence-file-outside', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải nằm trong thư mục của đơn vị: content/evidence/<năm>/<đơn vị>/',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        if (e.file !== undefined && !e.file?.inside) report({ path: at(e, 'file'), code: item.code, message: `Tệp “${ev.file}” nằm ngoài thư mục kiểm chứng của đơn vị (${evidenceFolder(ctx.pathYear, ctx.pathUnit)}).` });
      }
    },
  }),
  defineRule({
    id: 'evidence-file-missing', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải tồn tại',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        if (inspected(ctx, e)?.exists === false) report({ path: at(e, 'file'), code: item.code, message: `Không tìm thấy tệp “${ev.file}” (văn bản ${ev.number}).` });
      }
    },
  }),
  defineRule({
    id: 'evidence-file-not-pdf', kind: 'self-assessment', severity: 'error',
    description: 'Tệp kiểm chứng phải là PDF',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        const info = inspected(ctx, e);
        if (info?.exists && !info.pdf?.isPdf) report({ path: at(e, 'file'), code: item.code, message: `Tệp “${ev.file}” không phải tệp PDF (văn bản điện tử phải là PDF ký số).` });
      }
    },
  }),
  defineRule({
    id: 'evidence-sha256-mismatch', kind: 'self-assessment', severity: 'error',
    description: 'Mã băm SHA-256 phải khớp nội dung tệp',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        const info = inspected(ctx, e);
        if (!info?.exists) continue;
        if (!ev.sha256) report({ path: at(e), code: item.code, message: `Văn bản ${ev.number} thiếu mã băm SHA-256 của tệp (được tính tự động khi tải tệp lên).` });
        else if (ev.sha256 !== info.sha256) report({ path: at(e, 'sha256'), code: item.code, message: `Tệp “${ev.file}” đã bị thay đổi: mã băm SHA-256 không khớp nội dung tệp.` });
      }
    },
  }),
  defineRule({
    id: 'evidence-unsigned', kind: 'self-assessment', severity: 'warning',
    description: 'Tài liệu kiểm chứng phải là văn bản điện tử được ký số',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const { ev, item } = e;
        const info = inspected(ctx, e);
        if (!info?.exists || !info.pdf?.isPdf) continue;
        // Not verified (ValidateOptions.verify false): the structural check decides.
        if (info.signatures === undefined ? info.pdf.signed : info.signatures.some(counts)) continue;
        const sigs = info.signatures ?? [];
        // A signature that verifies but was followed by changes to the pages: the document the
        // council reads is not the one signed (docs/evidence.md). Signatures that do not verify
        // at all are evidence-signature-invalid's.
        const modified = sigs.some((s) => s.status === 'valid');
        if (!modified && sigs.length) continue;
        const why = modified ? ' (chữ ký không bao trùm toàn bộ tệp: tệp bị sửa sau khi ký)' :
          info.pdf.problem === 'empty-signature' ? ' (có ô chữ ký nhưng chưa ký)' : '';
        report({ path: at(e, 'file'), code: item.code, message: `Tệp “${ev.file}” (văn bản ${ev.number}) chưa được ký số${why}: Hội đồng thẩm định chấm 0 điểm tiêu chí ${item.code}.` });
      }
    },
  }),
];
