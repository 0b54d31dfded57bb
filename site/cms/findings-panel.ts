// The rule engine's findings above a table, the same for officers and the council: a count,
// then one line per finding that takes the reader to the criterion it is about.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { Finding } from '../../scripts/core/findings.js';
import { S } from './strings.js';

/** Where a table keeps its latest findings. */
export interface FindingsView {
  findings: Finding[];
  checking: boolean;
  checkError: string | null;
  subscribeFindings(fn: () => void): () => void;
  findingsSnapshot(): number;
}

export interface FindingsTexts {
  heading: string;
  none: string;
  count: (errors: number, warnings: number) => string;
}

export const OFFICER_TEXTS: FindingsTexts = { heading: S.findingsHeading, none: S.findingsNone, count: S.findingsCount };

export function useFindings<V extends FindingsView>(view: V): V {
  useSyncExternalStore((cb) => view.subscribeFindings(cb), () => view.findingsSnapshot());
  return view;
}

interface Props {
  view: FindingsView;
  goTo: (code: string, rule: string) => void;
  texts?: FindingsTexts;
  /** Extra attributes on the panel (a second panel needs its own hook). */
  hook?: string;
}

export const FindingsPanel = memo(function FindingsPanel({ view, goTo, texts = OFFICER_TEXTS, hook = 'data-findings-panel' }: Props) {
  useFindings(view);
  const errors = view.findings.filter((f) => f.severity === 'error').length;
  const warnings = view.findings.length - errors;
  const head = view.checkError ?? (view.findings.length ? texts.count(errors, warnings) : view.checking ? S.findingsChecking : texts.none);
  return h('details', {
    className: `pi-findings${errors ? ' pi-has-errors' : ''}`, open: view.findings.length > 0 && view.findings.length <= 30,
    [hook]: 'true', 'data-errors': String(errors), 'data-warnings': String(warnings), 'data-checking': String(view.checking),
  },
  h('summary', null, `${texts.heading}: ${head}`),
  view.findings.length ? h('ul', null, ...view.findings.map((f, i) => h('li', { key: i, 'data-rule': f.rule, 'data-code': f.code ?? '' },
    h('button', { type: 'button', title: f.code ? S.findingGoTo(f.code) : undefined, onClick: () => f.code && goTo(f.code, f.rule) },
      h('span', { className: `pi-sev pi-sev-${f.severity}` }, S.severity[f.severity]),
      h('span', { className: 'pi-finding-code' }, f.code ?? S.findingGeneral),
      f.message)))) : null);
});

/** The findings on one criterion, under its row. */
export function RowFindings({ code, findings, hook = 'data-findings' }: { code: string; findings: Finding[]; hook?: string }) {
  if (!findings.length) return null;
  return h('ul', { className: 'pi-row-findings', [hook]: code },
    ...findings.map((f, i) => h('li', { key: i, className: `pi-sev-${f.severity}`, 'data-rule': f.rule }, `${S.severity[f.severity]}: ${f.message}`)));
}

/** Scrolls to a criterion's row, flashes it and puts the cursor in the field a finding is about. */
export function goToRow(rowElementId: string, field?: string): void {
  const row = document.getElementById(rowElementId);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.classList.remove('pi-flash');
  void row.offsetWidth; // restart the highlight animation
  row.classList.add('pi-flash');
  const area = (field && row.querySelector<HTMLElement>(`[data-field="${field}"]`)) || row;
  const focusable = 'select:not(:disabled), input:not([type="file"]):not(:disabled), textarea:not(:disabled), button';
  const target = area.matches(focusable) ? area : area.querySelector<HTMLElement>(focusable);
  target?.focus({ preventScroll: true });
}
