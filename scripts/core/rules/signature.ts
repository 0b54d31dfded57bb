// What the council checks on a signed document beyond "is there a signature": the signature
// verifies, the signer's certificate was valid and chains to a CA the province trusts, the
// document was signed before the data cut-off, and the number and date printed on it are the
// ones the unit declared. Verification itself happens in the engine (scripts/core/evidence/);
// these rules only read its verdicts. See docs/evidence.md.
import { defineRule } from './types.js';
import { at, entries, inspected, type EvidenceEntry } from './evidence.js';
import { counts, type SignatureCheck, type SignerInfo } from '../evidence/verdict.js';
import { sameNumber } from '../evidence/header.js';
import { formatDateTime } from '../format.js';
import { toZonedIso } from '../time.js';
import { viDate } from './text.js';

const who = (s?: SignerInfo) => (s?.name ? `“${s.name}”${s.organization && s.organization !== s.name ? ` (${s.organization})` : ''}` : 'không rõ người ký');
const when = (iso: string) => formatDateTime(new Date(iso));
const day = (iso: string) => viDate(iso.slice(0, 10));
const doc = (e: EvidenceEntry) => `Tệp “${e.ev.file}” (văn bản ${e.ev.number})`;

const INVALID: Record<Exclude<SignatureCheck['status'], 'valid'>, string> = {
  malformed: 'chữ ký số không đọc được (không phải chữ ký CMS/PKCS#7 hợp lệ)',
  'digest-mismatch': 'nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp chữ ký)',
  'bad-signature': 'chữ ký số không khớp chứng thư số của người ký',
};

export const signatureRules = [
  defineRule({
    id: 'evidence-signature-invalid', kind: 'self-assessment', severity: 'warning',
    description: 'Chữ ký số trên tệp kiểm chứng phải xác thực được (đúng chứng thư, nội dung không bị sửa)',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const sigs = inspected(ctx, e)?.signatures;
        if (!sigs?.length || sigs.some((s) => s.status === 'valid')) continue;
        const bad = sigs.find((s) => s.status === 'digest-mismatch') ?? sigs[0]!;
        report({ path: at(e, 'file'), code: e.item.code, message: `${doc(e)}: ${INVALID[bad.status as keyof typeof INVALID]}. Hội đồng thẩm định không công nhận văn bản điện tử này (tiêu chí ${e.item.code}).` });
      }
    },
  }),
  defineRule({
    id: 'evidence-certificate-expired', kind: 'self-assessment', severity: 'warning',
    description: 'Chứng thư số của người ký phải còn hiệu lực tại thời điểm ký',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const good = inspected(ctx, e)?.signatures?.filter(counts) ?? [];
        if (!good.length || good.some((s) => s.certificateValid !== false)) continue;
        const s = good[0]!;
        const period = s.signer ? ` (hiệu lực ${day(s.signer.notBefore)}–${day(s.signer.notAfter)})` : '';
        const signed = s.signingTime ? `, ký lúc ${when(s.signingTime)}` : '';
        report({ path: at(e, 'file'), code: e.item.code, message: `${doc(e)}: chứng thư số của ${who(s.signer)} không còn hiệu lực khi ký${period}${signed}.` });
      }
    },
  }),
  defineRule({
    id: 'evidence-signer-untrusted', kind: 'self-assessment', severity: 'warning',
    description: 'Chứng thư số của người ký phải do tổ chức chứng thực được tỉnh tin cậy cấp (content/trust/)',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const info = inspected(ctx, e);
        // Without a configured trust store there is nothing to judge trust against.
        if (!info?.trustConfigured) continue;
        const good = info.signatures?.filter(counts) ?? [];
        if (!good.length || good.some((s) => s.trusted)) continue;
        const s = good[0]!;
        report({ path: at(e, 'file'), code: e.item.code, message: `${doc(e)}: chữ ký của ${who(s.signer)} hợp lệ nhưng chứng thư số do “${s.signer?.issuer ?? 'không rõ'}” cấp không thuộc tổ chức chứng thực được tỉnh tin cậy.` });
      }
    },
  }),
  defineRule({
    id: 'evidence-signed-after-cutoff', kind: 'self-assessment', severity: 'warning',
    description: 'Văn bản phải được ký trước thời điểm chốt số liệu',
    check(ctx, report) {
      const c = ctx.campaign;
      if (!c) return;
      for (const e of entries(ctx)) {
        const times = (inspected(ctx, e)?.signatures ?? []).filter(counts).map((s) => s.signingTime).filter((t): t is string => !!t).sort();
        const first = times[0];
        if (!first) continue;
        const deferred = e.leaf?.deferred === true;
        const cutoff = deferred ? (c.deferredCutoff ?? c.dataCutoff) : c.dataCutoff;
        // The cut-off is a local calendar day: compare the signing day in Vietnam's time zone.
        if (toZonedIso(new Date(first)).slice(0, 10) > cutoff) {
          report({ path: at(e, 'file'), code: e.item.code, message: `${doc(e)} được ký lúc ${when(first)}, sau thời điểm chốt số liệu${deferred ? ' của tiêu chí bổ sung đợt 2' : ''} (${viDate(cutoff)}).` });
        }
      }
    },
  }),
  defineRule({
    id: 'evidence-header-mismatch', kind: 'self-assessment', severity: 'warning',
    description: 'Số và ngày in trên văn bản phải khớp số và ngày đã khai',
    check(ctx, report) {
      for (const e of entries(ctx)) {
        const h = inspected(ctx, e)?.header;
        if (!h?.text) continue;
        if (h.number && !sameNumber(h.number, e.ev.number)) {
          report({ path: at(e, 'number'), code: e.item.code, message: `${doc(e)}: số in trên văn bản là “${h.number}”, khác số đã khai “${e.ev.number}”. Hội đồng thẩm định chấm 0 điểm tiêu chí ${e.item.code} khi văn bản không khớp.` });
        }
        if (h.date && h.date !== e.ev.date) {
          report({ path: at(e, 'date'), code: e.item.code, message: `${doc(e)}: ngày in trên văn bản là ${viDate(h.date)}, khác ngày đã khai ${viDate(e.ev.date)}.` });
        }
      }
    },
  }),
];
