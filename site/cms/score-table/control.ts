// The Decap widget for a self-assessment's `items`: instead of Decap's list (where an officer
// could add, remove or reorder criteria, and which is slow at 100 items), a fixed table of the
// unit's framework. Decap re-renders controls often; this one repaints only when the entry is
// replaced from outside (loaded, restored) or the unit changes.
import { Component, createElement as h } from 'react';
import { is } from 'immutable';
import { itemsFromValue } from '../items.js';
import { onUnit } from '../unit-bus.js';
import { Session, type ImmutableLike, type SessionHost } from './session.js';
import { Table } from './table.js';
import { injectStyles } from './styles.js';

export interface ControlProps {
  value: unknown;
  onChange: (value: unknown) => void;
  field: ImmutableLike;
  forID?: string;
  classNameWrapper?: string;
  entry?: ImmutableLike;
  getEntry?: () => ImmutableLike;
  collection?: ImmutableLike;
  onPersistMedia?: (file: File, options: { field: unknown }) => Promise<unknown>;
}

function entryOf(props: ControlProps): ImmutableLike | undefined {
  return props.getEntry?.() ?? props.entry;
}

export class ScoreTableControl extends Component<ControlProps, { session: Session }> {
  private unsubscribe: (() => void) | null = null;
  /** Decap's wrapper asks our shouldComponentUpdate and then withholds the props: keep the newest. */
  private latest: ControlProps;
  /** The entry's other fields at the last check: a change there (the unit, the preparer) re-runs the rules. */
  private lastHeader: unknown;

  constructor(props: ControlProps) {
    super(props);
    this.latest = props;
    injectStyles();
    const unit = entryOf(props)?.getIn(['data', 'unit']);
    this.state = { session: this.createSession(typeof unit === 'string' && unit ? unit : null, props.value) };
  }

  /** Decap asks before saving: hand over pending edits. Never blocks: drafts save with errors. */
  isValid = (): boolean => {
    this.state.session.flush();
    return true;
  };

  private createSession(unit: string | null, value: unknown): Session {
    const host: SessionHost = {
      year: Number(this.latest.field.get('year')),
      collection: String(this.latest.collection?.get('name') ?? ''),
      slug: (() => {
        const e = entryOf(this.latest);
        return e && !e.get('newRecord') ? (e.get('slug') as string) ?? null : null;
      })(),
      header: () => {
        const data = entryOf(this.latest)?.get('data') as ImmutableLike | undefined;
        const js = (data?.toJS() ?? {}) as Record<string, unknown>;
        delete js.items;
        return js;
      },
      emit: (v) => this.latest.onChange(v),
      persistMedia: (file) => {
        if (!this.latest.onPersistMedia) return Promise.reject(new Error('no media support'));
        return this.latest.onPersistMedia(file, { field: this.latest.field });
      },
      knownMedia: () => {
        const files = entryOf(this.latest)?.get('mediaFiles') as ImmutableLike | undefined;
        const list = (files?.toJS() ?? []) as { path?: string }[];
        return new Set(list.map((f) => f.path ?? '').filter(Boolean));
      },
    };
    const session = new Session(host, unit, itemsFromValue(value));
    session.lastEmitted = value;
    // A new entry holds no items until the officer edits: give Decap the full table at once, so
    // the entry is never saved without it.
    if (unit && (value === undefined || value === null || itemsFromValue(value).length === 0)) session.touch();
    session.scheduleCheck(50);
    return session;
  }

  override componentDidMount(): void {
    const off = onUnit((unit) => {
      if (unit !== this.state.session.unit) this.replace(unit, this.state.session.store.toItems());
    });
    // Decap validates required fields with the value it holds when Save is pressed: pending edits
    // must reach it before the click does.
    const flush = () => this.state.session.flush();
    document.addEventListener('pointerdown', flush, true);
    document.addEventListener('keydown', this.flushOnEnter, true);
    this.unsubscribe = () => {
      off();
      document.removeEventListener('pointerdown', flush, true);
      document.removeEventListener('keydown', this.flushOnEnter, true);
    };
  }

  private flushOnEnter = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) this.state.session.flush();
  };

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    this.state.session.dispose();
  }

  private replace(unit: string | null, value: unknown): void {
    this.state.session.dispose();
    this.setState({ session: this.createSession(unit, value) });
  }

  // Called by React (with the next state) and by Decap's widget wrapper (props only).
  override shouldComponentUpdate(next: ControlProps, nextState?: { session: Session }): boolean {
    this.latest = next;
    if (nextState && nextState.session !== this.state.session) return true;
    const session = this.state.session;
    const data = entryOf(next)?.get('data') as (ImmutableLike & { delete(k: string): unknown }) | undefined;
    const header = data?.delete('items');
    if (!is(header, this.lastHeader)) {
      if (this.lastHeader !== undefined) session.scheduleCheck();
      this.lastHeader = header;
    }
    // Our own emission coming back from Decap: the table already shows it.
    if (next.value === session.lastEmitted) return false;
    // Decap hands back equal data after a save; only a real replacement rebuilds the table.
    if (is(next.value, session.lastEmitted)) {
      session.lastEmitted = next.value;
      return false;
    }
    const unit = entryOf(next)?.getIn(['data', 'unit']);
    session.lastEmitted = next.value;
    queueMicrotask(() => this.replace(typeof unit === 'string' && unit ? unit : null, next.value));
    return false;
  }

  override render() {
    return h('div', { id: this.latest.forID, className: this.latest.classNameWrapper, 'data-widget': 'parindex-score-table',
      onBlur: () => this.state.session.flush() },
    h(Table, { key: 0, session: this.state.session }));
  }
}
