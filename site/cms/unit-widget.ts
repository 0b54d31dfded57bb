// The unit of a self-assessment. A new entry picks it from the units the year's campaign covers
// (the options the generated config lists); an existing entry shows it read-only, because the
// unit is the file's name and the owner of its evidence folder.
import { Component, createElement as h } from 'react';
import { announceUnit } from './unit-bus.js';
import type { ImmutableLike } from './score-table/session.js';
import { S } from './strings.js';

interface Props {
  value?: string;
  onChange: (value: string) => void;
  field: ImmutableLike;
  forID?: string;
  classNameWrapper?: string;
  entry?: ImmutableLike;
  getEntry?: () => ImmutableLike;
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
}

interface Option { label: string; value: string }

function options(field: ImmutableLike): Option[] {
  const list = (field.get('options') as ImmutableLike | undefined)?.toJS();
  return Array.isArray(list) ? (list as Option[]) : [];
}

/** Units that already have a file in the collection (the council's): not offered for a new one. */
function taken(field: ImmutableLike): Set<string> {
  const list = (field.get('taken') as ImmutableLike | undefined)?.toJS();
  return new Set(Array.isArray(list) ? (list as string[]) : []);
}

export class UnitControl extends Component<Props> {
  isValid = (): boolean | { error: { type: string; message: string } } => true;

  override render() {
    const { value, field, forID, classNameWrapper } = this.props;
    const entry = this.props.getEntry?.() ?? this.props.entry;
    const opts = options(field);
    if (entry && !entry.get('newRecord') && value) {
      const name = opts.find((o) => o.value === value)?.label ?? value;
      return h('div', { id: forID, className: classNameWrapper, 'data-unit': value }, S.unitReadonly(name, value));
    }
    return h('select', {
      id: forID, className: classNameWrapper, value: value ?? '', 'data-field': 'unit',
      onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
      onChange: (e: { currentTarget: HTMLSelectElement }) => {
        this.props.onChange(e.currentTarget.value);
        announceUnit(e.currentTarget.value);
      },
    }, h('option', { value: '' }, S.unitPlaceholder), ...opts.filter((o) => !taken(field).has(o.value) || o.value === value)
      .map((o) => h('option', { key: o.value, value: o.value }, o.label)));
  }
}

export function UnitPreview({ value }: { value?: string }) {
  return h('span', null, value ?? '');
}
