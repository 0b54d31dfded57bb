// What the officer (CMS, right after attaching a file) and the council (appraisal view, beside
// each document) read about an evidence file: one line per signature (signer, time, verdict)
// and one for the printed header, in Vietnamese. Pure: built from the engine's EvidenceInfo.
import type { EvidenceInfo } from '../rules/types.js';
import type { SignatureCheck } from './verdict.js';
import { formatDateTime } from '../format.js';
import { sameNumber } from './header.js';
import { viDate } from '../rules/text.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'note';
export interface SummaryLine { tone: Tone; text: string }

const STATUS: Record<SignatureCheck['status'], string> = {
  valid: 'chữ ký hợp lệ',
  'digest-mismatch': 'nội dung đã bị sửa sau khi ký',
  'bad-signature': 'chữ ký không khớp chứng thư số',
  malformed: 'chữ ký không đọc được',
};

function signatureLine(s: SignatureCheck, i: number, trustConfigured: boolean): SummaryLine {
  const who = s.signer?.name ? `${s.signer.name}${s.signer.organization && s.signer.organization !== s.signer.name ? ` (${s.signer.organization})` : ''}` : 'không rõ người ký';
  const parts = [`Chữ ký ${i + 1}: ${who}`];
  if (s.signer?.issuer) parts.push(`CA: ${s.signer.issuer}`);
  if (s.signingTime) parts.push(`ký lúc ${formatDateTime(new Date(s.signingTime))}${s.timeSource === 'timestamp' ? ' (dấu thời gian)' : ''}`);
  parts.push(STATUS[s.status]);
  let tone: Tone = s.status === 'valid' ? 'ok' : 'bad';
  if (s.status === 'valid') {
    if (s.updates === 'content' || s.updates === 'unknown') { parts.push('tệp bị sửa sau khi ký'); tone = 'bad'; }
    else if (s.coverage === 'revision') parts.push('bao trùm bản đã ký, sau đó chỉ thêm chữ ký/dữ liệu xác thực');
    else parts.push('bao trùm toàn bộ tệp');
    if (s.certificateValid === false) { parts.push('chứng thư số hết hiệu lực khi ký'); tone = 'bad'; }
    if (trustConfigured && !s.trusted) { parts.push('CA không thuộc danh sách tin cậy'); if (tone === 'ok') tone = 'warn'; }
    else if (s.trusted) parts.push('chuỗi chứng thực tin cậy');
  }
  return { tone, text: parts.join(' · ') };
}

/** Lines describing `info` for a document declared with `number` and `date` (YYYY-MM-DD). */
export function summarizeEvidence(info: EvidenceInfo, declared: { number?: string; date?: string }): SummaryLine[] {
  if (!info.exists) return [{ tone: 'bad', text: 'Không tìm thấy tệp.' }];
  if (!info.pdf?.isPdf) return [{ tone: 'bad', text: 'Tệp không phải PDF.' }];
  const lines: SummaryLine[] = [];
  const sigs = info.signatures ?? [];
  if (!sigs.length) lines.push({ tone: 'bad', text: info.pdf.problem === 'empty-signature' ? 'Có ô chữ ký nhưng chưa ký số.' : 'Tệp chưa được ký số.' });
  sigs.forEach((s, i) => lines.push(signatureLine(s, i, info.trustConfigured === true)));
  const h = info.header;
  if (!h) return lines;
  if (!h.text) {
    lines.push({ tone: 'note', text: 'Bản scan (không có lớp chữ): không đối chiếu được số và ngày in trên văn bản.' });
    return lines;
  }
  const printed = [h.number ? `Số: ${h.number}` : 'không đọc được số', h.date ? `ngày ${viDate(h.date)}` : 'không đọc được ngày'].join(', ');
  const numberOk = !h.number || !declared.number || sameNumber(h.number, declared.number);
  const dateOk = !h.date || !declared.date || h.date === declared.date;
  lines.push(numberOk && dateOk
    ? { tone: h.number && h.date ? 'ok' : 'note', text: `Trên văn bản: ${printed}.` }
    : { tone: 'warn', text: `Trên văn bản: ${printed}, khác với đã khai (${declared.number ?? ''}${declared.date ? `, ngày ${viDate(declared.date)}` : ''}).` });
  return lines;
}
