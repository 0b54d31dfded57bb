// The whole score table: running totals, the rule engine's findings, and every node of the
// unit's framework in order. The rows are drawn once; afterwards only what changed repaints.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { Session } from './session.js';
import { LeafRow } from './row.js';
import { rowId, type LayoutRow } from '../layout.js';
import { formatNumber } from '../../../scripts/core/format.js';
import { FindingsPanel } from '../findings-panel.js';
import { ExtraRows } from '../extra-rows.js';
import { tableFrame } from '../table-frame.js';
import { S } from '../strings.js';
import { DeadlineNotice } from '../deadline-notice.js';

function useScores(session: Session) {
  useSyncExternalStore((cb) => session.store.subscribeScores(cb), () => session.store.scoresSnapshot());
  return session.tree();
}

const Summary = memo(function Summary({ session }: { session: Session }) {
  const t = useScores(session);
  if (!t) return null;
  const domains = session.layout?.domains ?? [];
  return h('div', { className: 'pi-summary', 'data-summary': 'true' },
    h('div', { className: 'pi-summary-total', 'data-total': String(t.tree.points) },
      `${S.totalLabel}: ${S.points(t.tree.points, t.tree.applicableMax)}`),
    h('div', { className: 'pi-summary-domains' }, ...domains.map((d) => {
      const n = t.byCode.get(d.code);
      return h('button', { key: d.code, type: 'button', 'data-domain': d.code, 'data-points': String(n?.points ?? 0), onClick: () => session.goTo(d.code) },
        `${d.code}. ${d.title}: ${formatNumber(n?.points ?? 0)}/${formatNumber(n?.applicableMax ?? d.max)}`);
    })));
});

/** Which input of the row a finding is about, so following it puts the cursor there. */
function fieldOf(rule: string): string | undefined {
  if (rule.startsWith('explanation-')) return 'explanation';
  if (rule.startsWith('score-') || rule.startsWith('not-applicable')) return 'score';
  if (rule.startsWith('evidence') || rule.startsWith('statistics')) return 'evidence';
  return undefined;
}

const Heading = memo(function Heading({ session, row }: { session: Session; row: Extract<LayoutRow, { kind: 'heading' }> }) {
  const t = useScores(session);
  const n = t?.byCode.get(row.code);
  const Tag = row.depth === 0 ? 'h3' : 'h4';
  return h(Tag, { id: rowId(row.code), className: `pi-heading pi-heading-${Math.min(row.depth, 3)}`, 'data-heading': row.code },
    h('span', null, `${row.code}. ${row.title}`),
    h('span', { className: 'pi-heading-total', 'data-points': String(n?.points ?? 0) }, S.points(n?.points ?? 0, n?.applicableMax ?? row.max)));
});

export const Table = memo(function Table({ session }: { session: Session }) {
  return tableFrame(session, 'pi-table', (layout, { campaign }) => [
    h(DeadlineNotice, { key: 'deadline', campaign }),
    h(Summary, { session }),
    h(FindingsPanel, { view: session.store, goTo: (code: string, rule: string) => session.goTo(code, fieldOf(rule)) }),
    ...layout.rows.map((row) => row.kind === 'heading'
      ? h(Heading, { key: `h${row.code}`, session, row })
      : h(LeafRow, { key: `l${row.leaf.code}`, session, leaf: row.leaf, deferredCutoff: campaign.deferredCutoff })),
    h(ExtraRows, { store: session.store }),
  ]);
});
