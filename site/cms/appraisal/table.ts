// The council's whole table: running totals (self vs round 1 vs final, per domain), the
// appraisal rules' findings (which block "Đã gửi đi" like the officers'), the engine's findings
// on the unit's self-assessment, then every leaf of the unit's framework in order.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { NodeResult } from '../../../scripts/core/score/index.js';
import { formatNumber } from '../../../scripts/core/format.js';
import { FindingsPanel, type FindingsTexts } from '../findings-panel.js';
import { ExtraRows } from '../extra-rows.js';
import { tableFrame } from '../table-frame.js';
import { rowId, type LayoutRow } from '../layout.js';
import { AppraisalRow } from './row.js';
import type { AppraisalSession } from './session.js';
import { S } from '../strings.js';

const A = S.appraisal;

const COUNCIL_TEXTS: FindingsTexts = { heading: A.findingsHeading, none: A.findingsNone, count: A.findingsCount };
const SELF_TEXTS: FindingsTexts = { heading: A.selfFindingsHeading, none: A.selfFindingsNone, count: A.selfFindingsCount };

function useTotals(session: AppraisalSession) {
  useSyncExternalStore((cb) => session.store.subscribeScores(cb), () => session.store.scoresSnapshot());
  return session.totals();
}

const pts = (n: NodeResult | undefined, max: number) => S.points(n?.points ?? 0, n?.applicableMax ?? max);

/** data-* attributes carrying the three totals of a node (for tests and styling). */
function totalsAttrs(t: { self?: NodeResult; round1?: NodeResult; final?: NodeResult } | undefined) {
  return { 'data-self': String(t?.self?.points ?? 0), 'data-round1': String(t?.round1?.points ?? 0), 'data-final': String(t?.final?.points ?? 0) };
}

const Summary = memo(function Summary({ session }: { session: AppraisalSession }) {
  const t = useTotals(session);
  if (!t) return null;
  const domains = session.layout?.domains ?? [];
  const total = t.byCode.get('');
  const leaves = session.framework?.selfLeaves.length ?? 0;
  return h('div', null,
    h('div', { className: 'pi-summary', 'data-summary': 'true' },
      h('div', { className: 'pi-summary-total', 'data-total': String(t.final.points), ...totalsAttrs(total) },
        `${A.colSelf}: ${formatNumber(t.self.points)} · ${A.colRound1}: ${formatNumber(t.round1.points)} · ${A.colFinal}: ${formatNumber(t.final.points)} / ${formatNumber(t.final.applicableMax)} điểm`),
      h('div', { className: 'pi-note', 'data-scored': String(session.store.scoredCount()) },
        `${A.scored(session.store.scoredCount(), leaves)}. ${A.unscoredHint}`),
      t.bonus || t.penalty ? h('div', { className: 'pi-note', 'data-adjusted': String(t.finalPoints) }, A.adjusted(t.finalPoints, t.bonus, t.penalty)) : null),
    h('table', { className: 'pa-totals', 'aria-label': A.totals },
      h('thead', null, h('tr', null, h('th', null, A.totals), h('th', null, A.colSelf), h('th', null, A.colRound1), h('th', null, A.colFinal))),
      h('tbody', null, ...domains.map((d) => {
        const n = t.byCode.get(d.code);
        return h('tr', { key: d.code, 'data-domain': d.code, ...totalsAttrs(n) },
          h('td', null, h('button', { type: 'button', className: 'pa-link', onClick: () => session.goTo(d.code) }, `${d.code}. ${d.title}`)),
          h('td', { className: 'num' }, pts(n?.self, d.max)),
          h('td', { className: 'num' }, pts(n?.round1, d.max)),
          h('td', { className: 'num' }, pts(n?.final, d.max)));
      })),
      h('tfoot', null, h('tr', { 'data-domain': '', ...totalsAttrs(total) },
        h('td', null, A.totalRow),
        h('td', { className: 'num' }, pts(t.self, 0)),
        h('td', { className: 'num' }, pts(t.round1, 0)),
        h('td', { className: 'num' }, pts(t.final, 0))))));
});

const Heading = memo(function Heading({ session, row }: { session: AppraisalSession; row: Extract<LayoutRow, { kind: 'heading' }> }) {
  const t = useTotals(session)?.byCode.get(row.code);
  const Tag = row.depth === 0 ? 'h3' : 'h4';
  return h(Tag, { id: rowId(row.code), className: `pi-heading pi-heading-${Math.min(row.depth, 3)}`, 'data-heading': row.code, ...totalsAttrs(t) },
    h('span', null, `${row.code}. ${row.title}`),
    h('span', { className: 'pi-heading-total' },
      `${A.colSelf} ${formatNumber(t?.self?.points ?? 0)} · ${A.round1} ${formatNumber(t?.round1?.points ?? 0)} · ${A.colFinalShort} ${formatNumber(t?.final?.points ?? 0)} / ${formatNumber(t?.final?.applicableMax ?? row.max)}`));
});

/** Which input of the row a finding is about, so following it puts the cursor there. */
function fieldOf(rule: string): string | undefined {
  if (rule === 'appraisal-remark-required') return 'round1.remark';
  if (rule === 'appraisal-round2-scope') return 'round1.requestExplanation';
  if (rule === 'appraisal-score' || rule === 'schema') return 'round1.score';
  return undefined;
}

export const AppraisalTable = memo(function AppraisalTable({ session }: { session: AppraisalSession }) {
  return tableFrame(session, 'pi-table pa-table', (layout, { campaign }) => [
    h(Summary, { session }),
    h(FindingsPanel, { view: session.store, texts: COUNCIL_TEXTS, goTo: (code: string, rule: string) => session.goTo(code, fieldOf(rule)) }),
    h(FindingsPanel, { view: session.store.selfChecks, texts: SELF_TEXTS, hook: 'data-self-findings-panel', goTo: (code: string) => session.goTo(code) }),
    ...layout.rows.map((row) => row.kind === 'heading'
      ? h(Heading, { key: `h${row.code}`, session, row })
      : h(AppraisalRow, { key: `l${row.leaf.code}`, session, leaf: row.leaf, deferredCutoff: campaign.deferredCutoff })),
    h(ExtraRows, { store: session.store }),
  ]);
});
