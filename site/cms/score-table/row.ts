// One criterion (a leaf of the framework): what it asks, its levels and evidence hint, and the
// unit's score, flags, figures, explanation and evidence. A row repaints only when its own data
// or its own findings change; the explanation is an uncontrolled textarea, so typing repaints
// nothing at all.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { FrameworkLeaf } from '../../../scripts/core/model.js';
import { measuredScore } from '../../../scripts/core/rules/scores.js';
import { formatNumber } from '../../../scripts/core/format.js';
import type { Session } from './session.js';
import { EvidenceList } from './evidence.js';
import { rowId } from '../layout.js';
import { parseDecimal, showDecimal } from '../input-format.js';
import { RowFindings } from '../findings-panel.js';
import { ScoreInput } from '../score-field.js';
import { S } from '../strings.js';

interface RowProps {
  session: Session;
  leaf: FrameworkLeaf;
  deferredCutoff?: string;
}

export const LeafRow = memo(function LeafRow({ session, leaf, deferredCutoff }: RowProps) {
  const code = leaf.code;
  const version = useSyncExternalStore((cb) => session.store.subscribeRow(code, cb), () => session.store.version(code));
  if (leaf.method === 'survey') {
    return h('article', { id: rowId(code), className: 'pi-row', 'data-code': code, 'data-survey': 'true' },
      h(RowHead, { leaf }), h('div', { className: 'pi-note' }, S.survey));
  }
  const d = session.store.draft(code);
  const findings = session.store.findingsFor(code);
  const hasError = findings.some((f) => f.severity === 'error');
  return h('article', { id: rowId(code), className: `pi-row${hasError ? ' pi-row-error' : ''}`, 'data-code': code },
    h(RowHead, { leaf, deferredCutoff }),
    h(Requirements, { leaf }),
    h('div', { className: 'pi-line' },
      h('label', null, S.scoreLabel, h(ScoreField, { key: `s${d.notApplicable ? 1 : 0}`, session, leaf, score: d.score, disabled: !!d.notApplicable })),
      leaf.notApplicableAllowed ? h('label', null, h('input', {
        type: 'checkbox', checked: !!d.notApplicable, 'data-field': 'notApplicable',
        onChange: (e: { currentTarget: HTMLInputElement }) => session.setNotApplicable(code, e.currentTarget.checked),
      }), S.notApplicable) : null),
    leaf.measure ? h(Figures, { session, leaf, figures: d.figures, version }) : null,
    h('label', { className: 'pi-field-label', htmlFor: `${rowId(code)}-explanation` }, S.explanationLabel),
    h('textarea', {
      id: `${rowId(code)}-explanation`, defaultValue: d.explanation ?? '', rows: 3, 'data-field': 'explanation',
      placeholder: S.explanationPlaceholder, spellCheck: false,
      onInput: (e: { currentTarget: HTMLTextAreaElement }) => session.setExplanation(code, e.currentTarget.value),
    }),
    h(EvidenceList, { session, code, evidence: d.evidence, version }),
    h(RowFindings, { code, findings }));
});

export const RowHead = memo(function RowHead({ leaf, deferredCutoff }: { leaf: FrameworkLeaf; deferredCutoff?: string }) {
  return h('div', null,
    h('div', { className: 'pi-row-head' },
      h('span', { className: 'pi-code' }, leaf.code),
      h('span', { className: 'pi-title' }, leaf.title),
      h('span', { className: 'pi-max' }, S.maxLabel(leaf.max))),
    leaf.deferred ? h('span', { className: 'pi-badge' }, S.deferred(deferredCutoff)) : null,
    leaf.notApplicableAllowed ? h('span', { className: 'pi-badge' }, S.notApplicableAllowed) : null);
});

export const Requirements = memo(function Requirements({ leaf }: { leaf: FrameworkLeaf }) {
  const ev = leaf.evidence;
  return h('div', null,
    leaf.guidance ? h('div', { className: 'pi-hint' }, leaf.guidance) : null,
    leaf.levels?.length ? h('ul', { className: 'pi-levels', 'aria-label': S.levelsHeading },
      ...leaf.levels.map((l, i) => h('li', { key: i }, S.levelOption(l.score, l.condition)))) : null,
    ev?.hint ? h('div', { className: 'pi-hint' }, h('strong', null, `${S.evidenceHint}: `), ev.hint) : null,
    ev?.required ? h('div', { className: 'pi-hint' }, S.evidenceRequired) : null,
    ev?.statisticsTable ? h('div', { className: 'pi-hint' }, S.statisticsRequired) : null);
});

interface ScoreProps { session: Session; leaf: FrameworkLeaf; score: number | undefined; disabled: boolean }

function ScoreField({ session, leaf, score, disabled }: ScoreProps) {
  return h(ScoreInput, { leaf, value: score ?? null, disabled, emptyLabel: S.notScored, onChange: (s: number | null) => session.setScore(leaf.code, s) });
}

interface FiguresProps { session: Session; leaf: FrameworkLeaf; figures?: Record<string, number>; version: number }

const Figures = memo(function Figures({ session, leaf, figures }: FiguresProps) {
  const m = leaf.measure!;
  const r = measuredScore(leaf, figures);
  const note = 'score' in r ? S.ratio(r.ratio, r.score) : 'zeroDenominator' in r ? S.ratioZero : S.ratioMissing;
  const input = (f: { key: string; label: string }) => h('label', { key: f.key }, f.label, h('input', {
    type: 'text', inputMode: 'decimal', className: 'pi-score-input', defaultValue: showDecimal(figures?.[f.key]), 'data-field': `figures.${f.key}`,
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      const n = parseDecimal(e.currentTarget.value);
      if (n !== undefined) session.setFigure(leaf, f.key, n);
    },
  }));
  return h('div', { className: 'pi-line' },
    h('span', { className: 'pi-field-label' }, S.figuresHeading),
    input(m.numerator), input(m.denominator),
    h('span', { className: 'pi-note' }, note));
});
