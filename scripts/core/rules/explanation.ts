// What the council reads first: an explanation that names figures and points at the exact place
// (Mục/Khoản/Điểm…) of a document in the item's own evidence list, and evidence for any points.
import { defineRule } from './types.js';
import { hasLocator, normalizeNumber } from './text.js';

/** `needle` occurs in `haystack` not as the tail of a longer number ("55/BC" does not cite "5/BC"). */
function cites(haystack: string, needle: string): boolean {
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    if (!/\d/.test(haystack[i - 1] ?? '')) return true;
  }
  return false;
}

export const explanationRules = [
  defineRule({
    id: 'evidence-missing', kind: 'self-assessment', severity: 'warning',
    description: 'Tiêu chí có điểm phải có tài liệu kiểm chứng',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        if (item.score > 0 && !item.notApplicable && !(item.evidence?.length)) {
          report({ path: ['items', i, 'score'], code: item.code, message: `Tiêu chí ${item.code} có điểm nhưng không có tài liệu kiểm chứng: Hội đồng thẩm định sẽ chấm 0 điểm.` });
        }
      });
    },
  }),
  defineRule({
    id: 'explanation-missing', kind: 'self-assessment', severity: 'warning',
    description: 'Tiêu chí có điểm (hoặc không áp dụng) phải có giải trình',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        if ((item.score > 0 || item.notApplicable) && !item.explanation?.trim()) {
          report({ path: ['items', i, 'explanation' in item ? 'explanation' : 'score'], code: item.code,
            message: item.notApplicable ? `Tiêu chí ${item.code} không áp dụng: cần giải trình lý do.` :
              `Tiêu chí ${item.code} chưa có giải trình: Hội đồng thẩm định sẽ chấm 0 điểm.` });
        }
      });
    },
  }),
  defineRule({
    id: 'explanation-no-locator', kind: 'self-assessment', severity: 'warning',
    description: 'Giải trình phải nêu vị trí (Mục, Khoản, Điểm, Điều, Phụ lục, trang) trong tài liệu kiểm chứng',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        const text = item.explanation?.trim();
        if (!text || item.score <= 0 || item.notApplicable) return;
        if (!hasLocator(text)) {
          report({ path: ['items', i, 'explanation'], code: item.code, message: `Giải trình tiêu chí ${item.code} không nêu số liệu, kết quả ở Mục/Khoản/Điểm/trang nào của tài liệu kiểm chứng: Hội đồng thẩm định chấm 0 điểm với giải trình không rõ ràng.` });
        }
      });
    },
  }),
  defineRule({
    id: 'explanation-no-number', kind: 'self-assessment', severity: 'warning',
    description: 'Giải trình phải trích số ký hiệu của một tài liệu kiểm chứng của chính tiêu chí',
    check(ctx, report) {
      ctx.data.items.forEach((item, i) => {
        const text = item.explanation?.trim();
        const evidence = item.evidence ?? [];
        if (!text || item.score <= 0 || item.notApplicable || !evidence.length) return;
        // Verbatim citation is the common case; normalising case and spaces only when it fails.
        const cited = evidence.some((e) => e.number && cites(text, e.number)) ||
          ((haystack) => evidence.some((e) => e.number && cites(haystack, normalizeNumber(e.number))))(normalizeNumber(text));
        if (!cited) {
          const numbers = evidence.map((e) => e.number).join(', ');
          report({ path: ['items', i, 'explanation'], code: item.code, message: `Giải trình tiêu chí ${item.code} không trích số ký hiệu văn bản nào trong tài liệu kiểm chứng của tiêu chí (${numbers}).` });
        }
      });
    },
  }),
];
