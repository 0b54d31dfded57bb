// The Decap side of our table widgets (the officers' score table, the council's appraisal
// table). Decap re-renders controls often and hands back what they emitted; a table keeps its
// state in a session outside React and repaints only when the entry is replaced from outside
// (loaded, restored) or the unit changes. This class is that lifecycle, once for both tables.
import { Component, createElement as h, type ReactNode } from 'react';
import { is } from 'immutable';
import { onUnit } from './unit-bus.js';
import { onDecapChange, openEntryData } from './decap-store.js';
import type { ImmutableLike } from './score-table/session.js';

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

/** What the control needs from a table's session. */
export interface WidgetSession {
  readonly unit: string | null;
  /** The value last handed to Decap: its echo must not rebuild the table. */
  lastEmitted: unknown;
  /** Hands pending edits to Decap now. */
  flush(): void;
  dispose(): void;
  /** The entry's other fields changed (unit, preparer, bonus…). */
  headerChanged(): void;
  /** The table's value, to carry over when the unit changes. */
  currentValue(): unknown;
}

export function entryOf(props: ControlProps): ImmutableLike | undefined {
  return props.getEntry?.() ?? props.entry;
}

function storeHeader(): unknown {
  const data = openEntryData() as (ImmutableLike & { delete(k: string): unknown }) | undefined;
  return data?.delete('items');
}

/** The entry's data without the table's own field: the editor's current state when there is one. */
export function entryHeader(props: ControlProps): Record<string, unknown> {
  const data = (openEntryData() ?? entryOf(props)?.get('data')) as ImmutableLike | undefined;
  const js = (data?.toJS() ?? {}) as Record<string, unknown>;
  delete js.items;
  return js;
}

/** The entry's slug when it exists in the repository (null for a new entry). */
export function entrySlug(props: ControlProps): string | null {
  const e = entryOf(props);
  return e && !e.get('newRecord') ? (e.get('slug') as string) ?? null : null;
}

/** What a table session knows of its Decap entry (both tables; the officers' adds media). */
export interface EntryHost {
  year: number;
  collection: string;
  /** The entry's slug when it exists (null for a new entry). */
  slug: string | null;
  /** Current header data of the entry (without items), fresh from Decap. */
  header(): Record<string, unknown>;
  emit(value: unknown): void;
}

/** The entry's data without the table's field, as Decap holds it (Immutable, compared with `is`). */
function headerOf(props: ControlProps): unknown {
  const data = entryOf(props)?.get('data') as (ImmutableLike & { delete(k: string): unknown }) | undefined;
  return data?.delete('items');
}

function unitOf(props: ControlProps): string | null {
  const unit = entryOf(props)?.getIn(['data', 'unit']);
  return typeof unit === 'string' && unit ? unit : null;
}

export abstract class SessionControl<S extends WidgetSession> extends Component<ControlProps, { session: S }> {
  private unsubscribe: (() => void) | null = null;
  /** Decap's wrapper asks our shouldComponentUpdate and then withholds the props: keep the newest. */
  protected latest: ControlProps;
  /** The entry's other fields at the last look: a change there re-runs the rules. */
  private lastHeader: unknown;

  /** `data-widget` of the root element (the tests' and the docs' hook). */
  protected abstract readonly widgetName: string;
  protected abstract createSession(unit: string | null, value: unknown): S;
  protected abstract renderTable(session: S): ReactNode;

  constructor(props: ControlProps) {
    super(props);
    this.latest = props;
    // The header the table is built with: the first change to it (often the first call Decap
    // makes after a save reloaded the entry) must re-run the rules, not just be remembered.
    this.lastHeader = headerOf(props);
    this.state = { session: this.createSession(unitOf(props), props.value) };
  }

  /** The entry as the session sees it, always read through the newest props. */
  protected entryHost(): EntryHost {
    return {
      year: Number(this.latest.field.get('year')),
      collection: String(this.latest.collection?.get('name') ?? ''),
      slug: entrySlug(this.latest),
      header: () => entryHeader(this.latest),
      emit: (v) => this.latest.onChange(v),
    };
  }

  /** Decap asks before saving: hand over pending edits. Never blocks: drafts save with errors. */
  isValid = (): boolean => {
    this.state.session.flush();
    return true;
  };

  override componentDidMount(): void {
    const off = onUnit((unit) => {
      if (unit !== this.state.session.unit) this.replace(unit, this.state.session.currentValue());
    });
    // Decap validates required fields with the value it holds when Save is pressed: pending edits
    // must reach it before the click does.
    // Decap re-renders a control only when its own value changes, so a header field typed after a
    // (re)load (the preparer's name) never reached the rules: watch the editor's state instead.
    const offStore = onDecapChange(() => this.watchHeader(storeHeader()));
    const flush = () => this.state.session.flush();
    document.addEventListener('pointerdown', flush, true);
    document.addEventListener('keydown', this.flushOnEnter, true);
    this.unsubscribe = () => {
      off();
      offStore();
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

  private watchHeader(header: unknown): void {
    if (header === undefined || is(header, this.lastHeader)) return;
    this.lastHeader = header;
    this.state.session.headerChanged();
  }

  // Called by React (with the next state) and by Decap's widget wrapper (props only).
  override shouldComponentUpdate(next: ControlProps, nextState?: { session: S }): boolean {
    this.latest = next;
    if (nextState && nextState.session !== this.state.session) return true;
    const session = this.state.session;
    this.watchHeader(headerOf(next));
    // Our own emission coming back from Decap: the table already shows it.
    if (next.value === session.lastEmitted) return false;
    // Decap hands back equal data after a save; only a real replacement rebuilds the table.
    if (is(next.value, session.lastEmitted)) {
      session.lastEmitted = next.value;
      return false;
    }
    session.lastEmitted = next.value;
    queueMicrotask(() => this.replace(unitOf(next), next.value));
    return false;
  }

  override render() {
    return h('div', { id: this.latest.forID, className: this.latest.classNameWrapper, 'data-widget': this.widgetName,
      onBlur: () => this.state.session.flush() },
    this.renderTable(this.state.session));
  }
}
