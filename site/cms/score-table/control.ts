// The Decap widget for a self-assessment's `items`: instead of Decap's list (where an officer
// could add, remove or reorder criteria, and which is slow at 100 items), a fixed table of the
// unit's framework. The lifecycle against Decap is shared with the council's table.
import { createElement as h } from 'react';
import { itemsFromValue } from '../items.js';
import { SessionControl, entryOf, type ControlProps } from '../session-control.js';
import { Session, type SessionHost } from './session.js';
import { Table } from './table.js';
import { injectStyles } from './styles.js';

export type { ControlProps };

export class ScoreTableControl extends SessionControl<Session> {
  protected readonly widgetName = 'parindex-score-table';

  constructor(props: ControlProps) {
    super(props);
    injectStyles();
  }

  protected createSession(unit: string | null, value: unknown): Session {
    const host: SessionHost = {
      ...this.entryHost(),
      persistMedia: (file) => {
        if (!this.latest.onPersistMedia) return Promise.reject(new Error('no media support'));
        return this.latest.onPersistMedia(file, { field: this.latest.field });
      },
      knownMedia: () => {
        const files = entryOf(this.latest)?.get('mediaFiles') as { toJS(): unknown } | undefined;
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

  protected renderTable(session: Session) {
    return h(Table, { key: 0, session });
  }
}
