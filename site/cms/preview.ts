// The preview pane: the self-assessment as the printed form ("In") shows it: codes, titles,
// maximum and self-score per node with totals, then each criterion's explanation and evidence.
// Everything is rendered as React text, so whatever an officer types is shown, never run.
import { createElement as h, type ReactNode } from 'react';
import { isLeaf, type FrameworkNode, type Item } from '../../scripts/core/model.js';
import { scoreTree, selfScores, type NodeResult } from '../../scripts/core/score/index.js';
import { formatNumber } from '../../scripts/core/format.js';
import { frameworkFor } from './registry.js';
import { itemsFromValue, normalizeItems } from './items.js';
import { yearOfCollection } from './page-data.js';
import type { ImmutableLike } from './score-table/session.js';
import { S } from './strings.js';

export const PREVIEW_CSS = `
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; color: #000; margin: 16px; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 8px; }
.pv-meta { margin: 0 0 10px; }
.pv-meta div { margin: 2px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
th { background: #eee; }
col.pv-c-code { width: 7%; } col.pv-c-title { width: 30%; } col.pv-c-num { width: 9%; }
td.num { text-align: right; white-space: nowrap; }
tr.pv-d0 td { font-weight: bold; background: #f3f3f3; }
tr.pv-d1 td { font-weight: bold; }
.pv-expl { white-space: pre-wrap; }
.pv-ev { margin: 2px 0 0 12px; font-size: 11.5pt; }
.pv-na { font-style: italic; }
tfoot td { font-weight: bold; }
`;

interface PreviewProps {
  entry: ImmutableLike;
  collection?: ImmutableLike;
}

function evidenceLines(item: Item | undefined): ReactNode[] {
  return (item?.evidence ?? []).map((ev, i) => h('div', { key: i, className: 'pv-ev' },
    `– ${S.preview.evidenceLine(ev.number, ev.date, ev.issuer, ev.title)}${ev.locator ? ` (${ev.locator})` : ''}${ev.file ? ` [${ev.file.split('/').pop()}]` : ''}${ev.url ? ` [${ev.url}]` : ''}`));
}

export function SelfAssessmentPreview({ entry, collection }: PreviewProps) {
  const data = (entry.get('data') as ImmutableLike | undefined)?.toJS() as Record<string, unknown> | undefined ?? {};
  const year = yearOfCollection(String(collection?.get('name') ?? entry.get('collection') ?? '')) ?? Number(data.year);
  const unitId = typeof data.unit === 'string' ? data.unit : '';
  const target = frameworkFor(year, unitId);
  const header = [
    h('h1', { key: 't' }, S.preview.title(year)),
    h('div', { key: 'm', className: 'pv-meta' },
      h('div', null, `${S.preview.unit}: ${target.ok ? target.unit.name : unitId}`),
      target.ok ? h('div', null, `${S.preview.framework}: ${target.framework.framework.title}`) : null,
      (data.preparedBy as { name?: string; position?: string } | undefined)?.name
        ? h('div', null, `${S.preview.preparedBy}: ${(data.preparedBy as { name: string }).name}${(data.preparedBy as { position?: string }).position ? `, ${(data.preparedBy as { position: string }).position}` : ''}`)
        : null),
  ];
  if (!target.ok) return h('div', null, ...header, h('p', null, target.reason));
  const fw = target.framework;
  const items = normalizeItems(itemsFromValue(data.items), fw);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const tree = scoreTree(fw, selfScores({ items } as never));
  const results = new Map<string, NodeResult>();
  const walk = (n: NodeResult) => { results.set(n.code, n); n.children?.forEach(walk); };
  walk(tree);
  const rows: ReactNode[] = [];
  const visit = (node: FrameworkNode, depth: number) => {
    const r = results.get(node.code);
    const item = byCode.get(node.code);
    const leaf = isLeaf(node);
    const score = leaf && node.method === 'survey' ? S.preview.survey
      : item?.notApplicable ? S.preview.notApplicable : formatNumber(r?.points ?? 0);
    rows.push(h('tr', { key: node.code, className: leaf ? undefined : `pv-d${Math.min(depth, 1)}`, 'data-code': node.code },
      h('td', null, node.code),
      h('td', null, node.title),
      h('td', { className: 'num' }, formatNumber(node.max)),
      h('td', { className: `num${item?.notApplicable ? ' pv-na' : ''}` }, score),
      h('td', null,
        leaf && item?.explanation ? h('div', { className: 'pv-expl' }, item.explanation) : null,
        ...(leaf ? evidenceLines(item) : []))));
    if (!leaf) node.children.forEach((c) => visit(c, depth + 1));
  };
  fw.framework.children.forEach((d) => visit(d, 0));
  return h('div', null, ...header,
    h('table', null,
      h('colgroup', null, h('col', { className: 'pv-c-code' }), h('col', { className: 'pv-c-title' }), h('col', { className: 'pv-c-num' }), h('col', { className: 'pv-c-num' }), h('col', null)),
      h('thead', null, h('tr', null,
        h('th', null, S.preview.code), h('th', null, S.preview.criterion), h('th', null, S.preview.max),
        h('th', null, S.preview.score), h('th', null, `${S.preview.explanation}, ${S.preview.evidence.toLowerCase()}`))),
      h('tbody', null, ...rows),
      h('tfoot', null, h('tr', null,
        h('td', null, ''), h('td', null, S.preview.total),
        h('td', { className: 'num' }, formatNumber(tree.applicableMax)),
        h('td', { className: 'num', 'data-total': String(tree.points) }, formatNumber(tree.points)), h('td', null, '')))));
}

/** The items field on its own (Decap asks widgets for a preview too). */
export function ScoreTablePreview({ value }: { value?: unknown }) {
  const items = itemsFromValue(value);
  const total = items.reduce((s, i) => s + (i.notApplicable || typeof i.score !== 'number' ? 0 : i.score), 0);
  return h('div', null, S.previewSummary(items.length, total));
}
