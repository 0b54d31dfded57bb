// What both table sessions (the officers' score table, the council's appraisal table) do alike:
// lay out the unit's framework, and the two schedulers that keep typing cheap. Edits reach Decap
// debounced (and at once when focus leaves the table or Decap validates before saving); the rules
// run a little later, when idle, and only the newest run's findings are shown.
import { fromJS } from 'immutable';
import type { Finding } from '../../scripts/core/findings.js';
import type { FrameworkIndex } from '../../scripts/core/model.js';
import { goToRow } from './findings-panel.js';
import { rowId, tableLayout, type Layout } from './layout.js';
import { frameworkFor, type UnitFramework } from './registry.js';
import type { ChangeKind } from './row-store.js';
import type { WidgetSession } from './session-control.js';
import { S } from './strings.js';

export const EMIT_DELAY_MS = 300;
export const CHECK_DELAY_MS = 500;

/** What the schedulers need of a table's store. */
export interface TableStore<Item> {
  toItems(): Item[];
  markChecking(): void;
  setFindings(findings: Finding[], error?: string | null): void;
}

export abstract class TableSession<Item> implements WidgetSession {
  readonly target: UnitFramework;
  readonly layout: Layout | null;
  abstract readonly host: { emit(value: unknown): void };
  abstract readonly store: TableStore<Item>;
  lastEmitted: unknown = undefined;
  protected disposed = false;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private checkRun = 0;

  constructor(year: number, readonly unit: string | null) {
    this.target = frameworkFor(year, unit);
    this.layout = this.framework ? tableLayout(this.framework) : null;
  }

  get framework(): FrameworkIndex | undefined {
    return this.target.ok ? this.target.framework : undefined;
  }

  abstract headerChanged(): void;

  /** The rules' findings on the table as it is now. */
  protected abstract findings(): Promise<Finding[]>;

  /** The store changed: hand it to Decap soon, check it when idle. */
  protected changed(_kind: ChangeKind): void {
    this.dirty = true;
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = setTimeout(() => this.flush(), EMIT_DELAY_MS);
    this.scheduleCheck();
  }

  currentValue(): Item[] {
    return this.store.toItems();
  }

  /** Hands the items to Decap now, if anything changed since the last time. */
  flush(): void {
    if (this.emitTimer) { clearTimeout(this.emitTimer); this.emitTimer = null; }
    if (!this.dirty || this.disposed) return;
    this.dirty = false;
    const value = fromJS(this.store.toItems());
    this.lastEmitted = value;
    this.host.emit(value);
  }

  scheduleCheck(delay = CHECK_DELAY_MS): void {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.store.markChecking();
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
      if (idle) idle(() => void this.check(), { timeout: 1000 });
      else void this.check();
    }, delay);
  }

  async check(): Promise<void> {
    if (this.disposed) return;
    const run = ++this.checkRun;
    try {
      const findings = await this.findings();
      if (run === this.checkRun && !this.disposed) this.store.setFindings(findings);
    } catch (error) {
      if (run === this.checkRun && !this.disposed) this.store.setFindings([], S.checkFailed((error as Error)?.message ?? String(error)));
    }
  }

  goTo(code: string, field?: string): void {
    goToRow(rowId(code), field);
  }

  dispose(): void {
    this.flush();
    this.disposed = true;
    if (this.checkTimer) clearTimeout(this.checkTimer);
  }
}
