// Every phrase Decap can show must be Vietnamese: the merged locale is walked against Decap's
// complete English key set, so a Decap upgrade that adds keys fails here instead of showing
// English to officers.
import { describe, expect, test } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import vi from 'decap-cms-locales/dist/esm/vi/index.js';
import { mergeLocale, oneSpelling, VI_OVERRIDES, type Phrases } from '../../site/cms/locale.js';

function flatten(p: Phrases, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(p)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Names that read the same in Vietnamese. */
const NAMES = new Set(['Azure', 'Bitbucket', 'GitHub', 'GitLab', 'Gitea', 'Forgejo', 'Netlify', 'Identity', 'Markdown', 'URL']);

describe('Vietnamese locale', () => {
  const merged = mergeLocale(en, vi);
  const english = flatten(en);
  const ours = flatten(merged.phrases);

  test('every English key has a Vietnamese phrase', () => {
    expect(merged.untranslated).toEqual([]);
    expect([...english.keys()].filter((k) => !ours.has(k))).toEqual([]);
  });

  test('no phrase is still the English text', () => {
    const same = [...english].filter(([k, v]) => {
      const mine = ours.get(k)!;
      if (mine !== v) return false;
      const words = v.replace(/%\{[^}]*\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      return words.some((w) => !NAMES.has(w));
    }).map(([k, v]) => `${k}: ${v}`);
    expect(same).toEqual([]);
  });

  test('placeholders of each phrase are kept, and text is NFC', () => {
    const broken: string[] = [];
    for (const [k, v] of english) {
      const need = new Set(v.match(/%\{[^}]+\}/g) ?? []);
      const mine = ours.get(k)!;
      const have = new Set(mine.match(/%\{[^}]+\}/g) ?? []);
      // Decap's smart_count plurals may drop the count in one form; every other placeholder stays.
      for (const p of need) if (!have.has(p) && p !== '%{smart_count}') broken.push(`${k}: thiếu ${p}`);
      if (mine !== mine.normalize('NFC')) broken.push(`${k}: không phải NFC`);
    }
    expect(broken).toEqual([]);
  });

  test('overrides only name keys Decap has', () => {
    const unknown = [...flatten(VI_OVERRIDES).keys()].filter((k) => !english.has(k));
    expect(unknown).toEqual([]);
  });

  test('the workflow board: one spelling of “Xóa”, numeric dates, a count that says what it counts (issue 13, item 10)', () => {
    expect([...ours].filter(([, v]) => /oá(?!\p{L})/iu.test(v)).map(([k]) => k)).toEqual([]);
    expect(ours.get('workflow.workflowCard.deleteNewEntry')).toBe('Xóa bảng mới');
    expect(oneSpelling('Xoá, hoá đơn, toán')).toBe('Xóa, hóa đơn, toán');
    expect(ours.get('workflow.workflow.dateFormat')).toBe('DD/MM/YYYY');
    // Decap passes only the "in review" column's size as smart_count.
    expect(ours.get('workflow.workflow.description')).not.toMatch(/đang soạn/);
  });

  test('the workflow speaks of sending, not of publishing results', () => {
    expect(ours.get('editor.editorToolbar.ready')).toBe('Đã gửi đi');
    expect(ours.get('workflow.workflowList.readyHeader')).toBe('Đã gửi đi');
    expect([...ours.values()].filter((v) => /công bố/i.test(v))).toEqual([]);
  });
});
