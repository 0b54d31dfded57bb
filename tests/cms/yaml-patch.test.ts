// Saving changes only the lines of what changed (issue 13, item 3): the patcher against the
// sample sheets, whose comments, quoting and order must survive a save.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { patchYaml } from '../../site/cms/yaml-patch.js';

const SHEET = readFileSync('content/self-assessments/2023/so-y-te.yaml', 'utf8');
const FIXTURE = readFileSync('tests/fixtures/base/content/self-assessments/2023/don-vi-a.yaml', 'utf8');

/** Lines of `b` not in `a` and of `a` not in `b`, by position-free multiset difference. */
function changedLines(a: string, b: string): { added: string[]; removed: string[] } {
  const count = (text: string) => { const m = new Map<string, number>(); for (const l of text.split('\n')) m.set(l, (m.get(l) ?? 0) + 1); return m; };
  const ca = count(a); const cb = count(b);
  const diff = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([l, n]) => Array(Math.max(0, n - (y.get(l) ?? 0))).fill(l) as string[]);
  return { added: diff(cb, ca), removed: diff(ca, cb) };
}

type Sheet = { items: Record<string, unknown>[] } & Record<string, unknown>;
const data = (text: string) => parse(text) as Sheet;

describe('patchYaml', () => {
  it('returns the file unchanged when nothing changed', () => {
    expect(patchYaml(SHEET, data(SHEET))).toBe(SHEET);
    expect(patchYaml(FIXTURE, data(FIXTURE))).toBe(FIXTURE);
  });

  it('changes one line for one score and keeps the comments', () => {
    const d = data(SHEET);
    d.items[0]!.score = 1;
    const out = patchYaml(SHEET, d);
    expect(changedLines(SHEET, out)).toEqual({ added: ['    score: 1'], removed: ['    score: 0.5'] });
    expect(out.startsWith('# Dữ liệu MẪU')).toBe(true);
    expect(parse(out)).toEqual(d);
  });

  it('adds one evidence record, a figure and an item as a few lines in place', () => {
    const d = data(SHEET);
    const item = d.items[2]!;
    (item.evidence as unknown[]).push({ number: '12/QĐ-SYT', date: '2023-05-02', issuer: 'Sở Y tế', title: 'Quyết định' });
    d.items[0]!.figures = { tasksDone: 3 };
    d.items.splice(1, 0, { code: '1.1.1a', score: 1 });
    const out = patchYaml(SHEET, d);
    const { added, removed } = changedLines(SHEET, out);
    expect(removed).toEqual([]);
    expect(added.length).toBe(4 + 2 + 2);
    expect(parse(out)).toEqual(d);
  });

  it('removes a key, an item and rewrites a folded explanation without touching its neighbours', () => {
    const d = data(FIXTURE);
    const first = d.items[0]!;
    first.explanation = 'Giải trình mới: Mục I, Báo cáo số 55/BC-SNV.';
    delete (d as Record<string, unknown>).preparedBy;
    const out = patchYaml(FIXTURE, d);
    expect(parse(out)).toEqual(d);
    const { added, removed } = changedLines(FIXTURE, out);
    expect(added).toEqual(['    explanation: "Giải trình mới: Mục I, Báo cáo số 55/BC-SNV."']);
    expect(removed.length).toBe(5 + 4);
  });

  it('writes a new file whole, in the repository\'s quoting', () => {
    expect(patchYaml(undefined, { unit: 'so-y-te', year: 2023, items: [{ code: '1.1', score: 1 }] }))
      .toBe('unit: "so-y-te"\nyear: 2023\nitems:\n  - code: "1.1"\n    score: 1\n');
  });
});
