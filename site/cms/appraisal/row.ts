// One criterion in the council's table: what it asks and its levels (the officers' row head),
// the unit's side read-only, and the council's inputs for round 1 and round 2. A row repaints
// only when its own data or findings change; remarks are uncontrolled text areas.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { FrameworkLeaf } from '../../../scripts/core/model.js';
import { RowHead, Requirements } from '../score-table/row.js';
import { RowFindings } from '../findings-panel.js';
import { ScoreInput } from '../score-field.js';
import { rowId } from '../layout.js';
import { SelfColumn } from './self-column.js';
import type { AppraisalSession } from './session.js';
import { S } from '../strings.js';

interface RowProps {
  session: AppraisalSession;
  leaf: FrameworkLeaf;
  deferredCutoff?: string;
}

export const AppraisalRow = memo(function AppraisalRow({ session, leaf, deferredCutoff }: RowProps) {
  const code = leaf.code;
  useSyncExternalStore((cb) => session.store.subscribeRow(code, cb), () => session.store.version(code));
  if (leaf.method === 'survey') {
    return h('article', { id: rowId(code), className: 'pi-row', 'data-code': code, 'data-survey': 'true' },
      h(RowHead, { leaf }), h('div', { className: 'pi-note' }, S.survey));
  }
  const d = session.store.draft(code);
  const item = session.store.selfItem(code);
  const findings = session.store.findingsFor(code);
  const hasError = findings.some((f) => f.severity === 'error');
  const open2 = session.round2Open(code);
  const id = rowId(code);
  return h('article', { id, className: `pi-row pa-row${hasError ? ' pi-row-error' : ''}`, 'data-code': code },
    h(RowHead, { leaf, deferredCutoff }),
    h(Requirements, { leaf }),
    h('div', { className: 'pa-cols' },
      h(SelfColumn, { session, leaf, item }),
      h('section', { className: 'pa-council', 'aria-label': S.appraisal.councilSide, 'data-council': code },
        h('h5', { className: 'pa-side-title' }, S.appraisal.councilSide),
        h('fieldset', { className: 'pa-round', 'data-round': '1' },
          h('legend', null, S.appraisal.round1),
          h('label', null, `${S.appraisal.score} `, h(ScoreInput, {
            leaf, value: d.round1.score, field: 'round1.score', emptyLabel: S.appraisal.notScored, label: `${S.appraisal.score} ${S.appraisal.round1}`,
            onChange: (s: number | null) => session.setRound1Score(code, s),
          })),
          h('label', { className: 'pi-field-label', htmlFor: `${id}-r1-remark` }, S.appraisal.remark),
          h('textarea', {
            id: `${id}-r1-remark`, defaultValue: d.round1.remark, rows: 2, 'data-field': 'round1.remark', spellCheck: false,
            placeholder: S.appraisal.remarkPlaceholder,
            onInput: (e: { currentTarget: HTMLTextAreaElement }) => session.setRemark(code, 'round1', e.currentTarget.value),
          }),
          h('label', { className: 'pa-check' }, h('input', {
            type: 'checkbox', checked: !!d.round1.requestExplanation, 'data-field': 'round1.requestExplanation',
            onChange: (e: { currentTarget: HTMLInputElement }) => session.setRequestExplanation(code, e.currentTarget.checked),
          }), S.appraisal.requestExplanation)),
        h('fieldset', { className: `pa-round${open2 ? '' : ' pa-closed'}`, 'data-round': '2', disabled: !open2 },
          h('legend', null, S.appraisal.round2),
          h('div', { className: 'pi-note' }, open2 ? S.appraisal.round2Open(!!leaf.deferred && !d.round1.requestExplanation) : S.appraisal.round2Closed),
          h('label', null, `${S.appraisal.score} `, h(ScoreInput, {
            leaf, value: d.round2?.score ?? null, field: 'round2.score', emptyLabel: S.appraisal.notScored2, disabled: !open2,
            label: `${S.appraisal.score} ${S.appraisal.round2}`,
            onChange: (s: number | null) => session.setRound2Score(code, s),
          })),
          h('label', { className: 'pi-field-label', htmlFor: `${id}-r2-remark` }, S.appraisal.remark),
          h('textarea', {
            id: `${id}-r2-remark`, defaultValue: d.round2?.remark ?? '', rows: 2, 'data-field': 'round2.remark', spellCheck: false, disabled: !open2,
            onInput: (e: { currentTarget: HTMLTextAreaElement }) => session.setRemark(code, 'round2', e.currentTarget.value),
          })),
        // Round 2 entered earlier and no longer allowed (the request was withdrawn): the rule flags
        // it; this removes it without enabling the inputs.
        !open2 && d.round2 ? h('button', { type: 'button', className: 'pi-btn', 'data-action': 'drop-round2', onClick: () => session.dropRound2(code) }, S.appraisal.dropRound2) : null,
        h(RowFindings, { code, findings }))));
});
