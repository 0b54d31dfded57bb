// The sticky PR comment (and job summary), rendered from a ReportModel. Pure: same model, same
// text. One hidden marker finds the comment again; the body stays under GitHub's ~64 KB limit by
// cutting the longest lists last-first and saying so.
import { formatDateTime, formatNumber, formatChange } from '../core/format.js';
import type { ReportModel, UnitReport, ItemChangeRow } from './report.js';

export const COMMENT_MARKER = '<!-- parindex:pr-report -->';
export const COMMENT_LIMIT = 60_000;

const ROLE_VI = { admin: 'quản trị', council: 'Hội đồng thẩm định', unit: 'đơn vị', unknown: 'không xác định' } as const;
const STATUS_VI = { added: 'thêm', modified: 'sửa', removed: 'xóa', renamed: 'đổi tên' } as const;
const FIELD_VI: Record<ItemChangeRow['fields'][number], string> = {
  score: 'điểm', notApplicable: 'không áp dụng', figures: 'số liệu', explanation: 'giải trình', evidence: 'tài liệu kiểm chứng', other: 'trường khác',
};

/** Text from data inside a table cell: no table breaks, no HTML, no @-mentions of strangers. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

function blobUrl(m: ReportModel, path: string, line?: number): string {
  return `${m.links.server}/${m.links.owner}/${m.links.repo}/blob/${m.gate.head}/${encodePath(path)}${line ? `#L${line}` : ''}`;
}

const zoned = (iso: string) => `${formatDateTime(new Date(iso), undefined, true)} (giờ Việt Nam)`;

function header(m: ReportModel): string[] {
  const g = m.gate;
  const out = [COMMENT_MARKER, g.allowed ? '## ✅ Được nhập vào nhánh chính' : '## ⛔ Bị từ chối: chưa được nhập vào nhánh chính', ''];
  out.push(`- Người gửi: ${g.authors.map((a) => `\`${cell(a)}\``).join(', ')} — vai trò: ${ROLE_VI[g.role]}${g.units.length ? ` (đơn vị: ${g.units.join(', ')})` : ''}`);
  out.push(`- Xét tại: ${zoned(g.judgedAt)}${g.submittedAt && g.judgedAt === g.submittedAt ? ', theo thời điểm gửi do GitHub ghi nhận' : ''}`);
  out.push(`- Phiên bản: \`${g.head.slice(0, 7)}\` so với nhánh chính \`${g.base.slice(0, 7)}\``);
  if (m.links.runUrl) out.push(`- Chi tiết lần kiểm tra: ${m.links.runUrl}`);
  out.push('');
  if (g.reasons.length) {
    out.push('### Lý do từ chối', '', '| Vị trí | Tiêu chí | Lý do |', '|---|---|---|');
    for (const r of g.reasons) {
      const where = r.file ? `[${cell(r.file)}${r.line ? `:${r.line}` : ''}](${blobUrl(m, r.file, r.line)})` : '—';
      out.push(`| ${where} | ${r.code ?? ''} | ${cell(r.message)} |`);
    }
    out.push('');
  }
  if (g.notes.length) {
    out.push('### Ghi chú', '', ...g.notes.map((n) => `- ${cell(n.message)}`), '');
  }
  return out;
}

const num = (n: number | null) => (n === null ? '—' : formatNumber(n));

function unitSection(m: ReportModel, u: UnitReport, evidenceLimit: number): string[] {
  const out = [`### ${cell(u.name)} — năm ${u.year}`, ''];
  if (u.domains && u.total) {
    out.push('**Điểm tự chấm theo lĩnh vực**', '', '| Lĩnh vực | Điểm tối đa | Trước | Sau | Thay đổi | Chỉ số |', '|---|--:|--:|--:|--:|--:|');
    const row = (d: NonNullable<UnitReport['total']>, label: string) =>
      `| ${label} | ${formatNumber(d.max)} | ${num(d.before)} | ${num(d.after)} | ${d.before === null || d.after === null ? '—' : formatChange(Math.round((d.after - d.before) * 100) / 100)} | ${d.index === null ? '—' : `${formatNumber(d.index)} %`} |`;
    for (const d of u.domains) out.push(row(d, `${d.code}. ${cell(d.title)}`));
    out.push(row(u.total, '**Tổng**'), '');
    out.push('_Điểm tự chấm của đơn vị, chưa gồm điểm điều tra xã hội học; điểm được tính là điểm thẩm định của Hội đồng._', '');
  } else {
    out.push('_Chưa tính được điểm: bảng tự chấm điểm chưa đọc được hoặc chưa có bộ tiêu chí._', '');
  }
  if (u.items.length) {
    out.push('**Thay đổi so với nhánh chính**', '', '| Tiêu chí | Điểm trước | Điểm sau | Thay đổi | Nội dung sửa |', '|---|--:|--:|--:|---|');
    for (const it of u.items) {
      const what = it.change === 'added' ? 'thêm tiêu chí' : it.change === 'removed' ? 'xóa tiêu chí' : it.fields.map((f) => FIELD_VI[f]).join(', ');
      const delta = it.before === null || it.after === null ? '—' : formatChange(Math.round((it.after - it.before) * 100) / 100);
      out.push(`| ${it.code} ${cell(it.title)} | ${num(it.before)} | ${num(it.after)} | ${delta} | ${what} |`);
    }
    out.push('');
  } else {
    out.push('_Không có tiêu chí nào thay đổi so với nhánh chính._', '');
  }
  if (u.evidence.length) {
    out.push(`<details><summary>Tài liệu kiểm chứng (${u.evidence.length})</summary>`, '');
    for (const ev of u.evidence.slice(0, evidenceLimit)) {
      const link = ev.file ? `[tệp](${blobUrl(m, ev.file)})` : ev.url && /^https?:\/\//i.test(ev.url) ? `[liên kết](${ev.url})` : '';
      out.push(`- ${ev.code} · ${cell(ev.number)} — ${cell(ev.title)} ${link}`.trimEnd());
    }
    if (u.evidence.length > evidenceLimit) out.push(`- … và ${u.evidence.length - evidenceLimit} tài liệu khác.`);
    out.push('', '</details>', '');
  }
  return out;
}

function findingsSection(m: ReportModel, limit: number): string[] {
  const f = m.gate.findings;
  const errors = f.filter((x) => x.severity === 'error').length;
  const out = [`### Kết quả kiểm tra dữ liệu: ${errors} lỗi, ${f.length - errors} cảnh báo`, ''];
  if (!f.length) return [...out, 'Không có lỗi hay cảnh báo.', ''];
  out.push('| Vị trí | Mức | Tiêu chí | Nội dung |', '|---|---|---|---|');
  for (const x of f.slice(0, limit)) {
    out.push(`| [${cell(x.file)}:${x.line}](${blobUrl(m, x.file, x.line)}) | ${x.severity === 'error' ? 'lỗi' : 'cảnh báo'} | ${x.code ?? ''} | ${cell(x.message)} (\`${x.rule}\`) |`);
  }
  if (f.length > limit) {
    out.push('', `_Còn ${f.length - limit} phát hiện không hiển thị vì bình luận quá dài${m.links.runUrl ? `; xem đầy đủ tại ${m.links.runUrl}` : '; xem đầy đủ trong tóm tắt của lần chạy kiểm tra'}._`);
  }
  return [...out, ''];
}

function changesSection(m: ReportModel, limit: number): string[] {
  const c = m.gate.changes;
  const out = [`<details><summary>Các tệp thay đổi (${c.length})</summary>`, ''];
  for (const x of c.slice(0, limit)) {
    out.push(`- ${STATUS_VI[x.status]} ${x.previousPath ? `\`${cell(x.previousPath)}\` → ` : ''}${x.status === 'removed' ? `\`${cell(x.path)}\`` : `[\`${cell(x.path)}\`](${blobUrl(m, x.path)})`}`);
  }
  if (c.length > limit) out.push(`- … và ${c.length - limit} tệp khác.`);
  return [...out, '', '</details>', ''];
}

export function renderReport(m: ReportModel, limit = COMMENT_LIMIT): string {
  const build = (findings: number, evidence: number, changes: number) => [
    ...header(m),
    ...m.units.flatMap((u) => unitSection(m, u, evidence)),
    ...findingsSection(m, findings),
    ...changesSection(m, changes),
    '<sub>Bình luận do `parindex` tự cập nhật sau mỗi lần kiểm tra.</sub>',
  ].join('\n') + '\n';
  let findings = m.gate.findings.length;
  let evidence = Math.max(0, ...m.units.map((u) => u.evidence.length));
  let changes = m.gate.changes.length;
  let body = build(findings, evidence, changes);
  // Shrink the longest lists first until the body fits; halving converges in a few passes.
  while (body.length > limit && (findings > 0 || evidence > 0 || changes > 0)) {
    if (findings >= evidence && findings >= changes) findings = Math.floor(findings / 2);
    else if (evidence >= changes) evidence = Math.floor(evidence / 2);
    else changes = Math.floor(changes / 2);
    body = build(findings, evidence, changes);
  }
  return body.length > limit ? body.slice(0, limit - 200) + '\n\n_(Bình luận bị cắt vì quá dài.)_\n' : body;
}
