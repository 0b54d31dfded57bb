// Two small Decap widgets for the council's header fields, lighter than Decap's number and list
// widgets (which would add to the bundle) and Vietnamese in their input: a number typed with a
// decimal comma (bonus, penalty), and a list of names typed one per line (the appraisers).
import { Component, createElement as h } from 'react';
import { fromJS } from 'immutable';
import { parseDecimal, showDecimal } from './input-format.js';
import { plain } from './items.js';
import type { ImmutableLike } from './score-table/session.js';
import { S } from './strings.js';

interface Props {
  value?: unknown;
  onChange: (value: unknown) => void;
  field: ImmutableLike;
  forID?: string;
  classNameWrapper?: string;
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
}

export class DecimalControl extends Component<Props, { bad: boolean; above: boolean }> {
  override state = { bad: false, above: false };
  // Drafts save whatever was typed; the schema and the rules name what is wrong.
  isValid = (): boolean => true;

  override render() {
    const { value, forID, classNameWrapper, field } = this.props;
    const max = field.get('max');
    return h('div', { className: classNameWrapper },
      h('input', {
        id: forID, type: 'text', inputMode: 'decimal', className: `pi-decimal${this.state.bad ? ' pi-invalid' : ''}`,
        defaultValue: typeof value === 'number' ? showDecimal(value) : '', placeholder: S.appraisal.decimalPlaceholder, 'data-field': String(field.get('name')),
        onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
        onInput: (e: { currentTarget: HTMLInputElement }) => {
          const n = parseDecimal(e.currentTarget.value);
          const bad = n === undefined;
          const above = typeof n === 'number' && typeof max === 'number' && n > max + 1e-9;
          if (bad !== this.state.bad || above !== this.state.above) this.setState({ bad, above });
          if (!bad) this.props.onChange(n ?? '');
        },
      }),
      this.state.bad ? h('span', { className: 'pi-note-bad' }, ' ', S.scoreNotNumber) : null,
      this.state.above && typeof max === 'number' ? h('span', { className: 'pi-note-bad' }, ' ', S.appraisal.decimalAbove(max)) : null);
  }
}

function names(value: unknown): string[] {
  const v = plain(value);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export class NamesControl extends Component<Props> {
  isValid = (): boolean => true;

  override render() {
    const { value, forID, classNameWrapper, field } = this.props;
    return h('div', { className: classNameWrapper },
      h('textarea', {
        id: forID, className: 'pi-names', rows: 3, defaultValue: names(value).join('\n'), placeholder: S.appraisal.appraisersPlaceholder,
        'data-field': String(field.get('name')), spellCheck: false,
        onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
        onInput: (e: { currentTarget: HTMLTextAreaElement }) => {
          this.props.onChange(fromJS(e.currentTarget.value.split('\n').map((s) => s.trim().normalize('NFC')).filter(Boolean)));
        },
      }));
  }
}

export function DecimalPreview({ value }: { value?: unknown }) {
  return h('span', null, typeof value === 'number' ? showDecimal(value) : '');
}

export function NamesPreview({ value }: { value?: unknown }) {
  return h('span', null, names(value).join(', '));
}
