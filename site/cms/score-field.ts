// A leaf's score input, shared by the officers' and the council's tables: a choice among the
// leaf's levels (or allowed scores), or a number typed with a decimal comma when the leaf has no
// levels. The council's inputs may also be left unscored.
import { createElement as h, useState } from 'react';
import type { FrameworkLeaf } from '../../scripts/core/model.js';
import { allowedScores } from '../../scripts/core/rules/scores.js';
import { parseDecimal, showDecimal } from './input-format.js';
import { S } from './strings.js';

export interface ScoreOption { score: number; label: string }

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** The choices for a leaf, best first; null when any number from 0 to max is allowed. */
export function scoreOptions(leaf: FrameworkLeaf): ScoreOption[] | null {
  const allowed = allowedScores(leaf);
  if (!allowed) return null;
  return leaf.levels?.length ? leaf.levels.map((l) => ({ score: l.score, label: S.levelOption(l.score, l.condition) }))
    : [...new Set(allowed)].sort((a, b) => b - a).map((s) => ({ score: s, label: S.scoreOption(s) }));
}

export interface ScoreInputProps {
  leaf: FrameworkLeaf;
  /** null: not scored (only with `emptyLabel`). */
  value: number | null;
  disabled?: boolean;
  onChange: (score: number | null) => void;
  /** `data-field` of the input. */
  field?: string;
  /** Offer "not scored" with this label; without it an empty input means 0. */
  emptyLabel?: string;
  label?: string;
}

export function ScoreInput(props: ScoreInputProps) {
  const options = scoreOptions(props.leaf);
  return options ? h(ScoreSelect, { ...props, options }) : h(FreeScore, props);
}

function ScoreSelect({ value, disabled, onChange, field = 'score', emptyLabel, label, options: given }: ScoreInputProps & { options: ScoreOption[] }) {
  const options = [...given];
  if (value !== null && !options.some((o) => same(o.score, value))) options.push({ score: value, label: S.notALevel(value) });
  const current = value === null ? '' : String(options.find((o) => same(o.score, value))!.score);
  return h('select', {
    value: current, disabled, 'data-field': field, 'aria-label': label,
    onChange: (e: { currentTarget: HTMLSelectElement }) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value)),
  },
  emptyLabel !== undefined || value === null ? h('option', { key: '', value: '' }, emptyLabel ?? '') : null,
  ...options.map((o) => h('option', { key: o.label, value: String(o.score) }, o.label)));
}

/** A leaf without levels: any number from 0 to max, typed with a decimal comma. */
function FreeScore({ leaf, value, disabled, onChange, field = 'score', emptyLabel, label }: ScoreInputProps) {
  const [bad, setBad] = useState(false);
  return h('span', null,
    h('input', {
      type: 'text', inputMode: 'decimal', className: `pi-score-input${bad ? ' pi-invalid' : ''}`, defaultValue: showDecimal(value),
      placeholder: S.scorePlaceholder(leaf.max), disabled, 'data-field': field, 'aria-label': label,
      onInput: (e: { currentTarget: HTMLInputElement }) => {
        const n = parseDecimal(e.currentTarget.value);
        const invalid = n === undefined;
        if (invalid !== bad) setBad(invalid);
        if (!invalid) onChange(n ?? (emptyLabel !== undefined ? null : 0));
      },
      onBlur: (e: { currentTarget: HTMLInputElement }) => {
        const n = parseDecimal(e.currentTarget.value);
        if (n !== undefined && (n !== null || emptyLabel === undefined)) e.currentTarget.value = showDecimal(n ?? 0);
      },
    }),
    bad ? h('span', { className: 'pi-note-bad' }, ' ', S.scoreNotNumber) : null);
}
