// A table's state outside React, shared by the officers' and the council's tables: one mutable
// draft per criterion and a version per row, so typing in one text box re-renders nothing and
// changing one score re-renders one row and the totals, never the 100 rows around it. Decap
// hears about changes through the debounced `onChange` listeners, not per keystroke.
import type { FrameworkIndex } from '../../scripts/core/model.js';
import type { Finding } from '../../scripts/core/findings.js';
import type { FindingsView } from './findings-panel.js';

export type ChangeKind = 'text' | 'row' | 'score';

type Listener = () => void;

/** A set of findings by criterion; a row repaints only when its own messages change. */
export class FindingsState implements FindingsView {
  findings: Finding[] = [];
  checking = false;
  checkError: string | null = null;
  private byCode = new Map<string, Finding[]>();
  private listeners = new Set<Listener>();
  private version = 0;

  constructor(private readonly rowChanged: (code: string) => void) {}

  set(findings: Finding[], error: string | null = null): void {
    const before = this.byCode;
    this.findings = findings;
    this.checkError = error;
    this.checking = false;
    this.byCode = new Map();
    for (const f of findings) {
      const key = f.code ?? '';
      let list = this.byCode.get(key);
      if (!list) this.byCode.set(key, (list = []));
      list.push(f);
    }
    const touched = new Set([...before.keys(), ...this.byCode.keys()]);
    for (const code of touched) {
      const a = (before.get(code) ?? []).map((f) => f.severity + f.message).join('\n');
      const b = (this.byCode.get(code) ?? []).map((f) => f.severity + f.message).join('\n');
      if (a !== b && code) this.rowChanged(code);
    }
    this.notify();
  }

  markChecking(): void {
    if (this.checking) return;
    this.checking = true;
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  findingsFor(code: string): Finding[] {
    return this.byCode.get(code) ?? [];
  }

  subscribeFindings(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  findingsSnapshot(): number {
    return this.version;
  }
}

export abstract class RowStore<D> implements FindingsView {
  protected drafts = new Map<string, D>();
  /** The unit's framework (both stores keep it as a constructor property). */
  abstract readonly framework: FrameworkIndex | undefined;

  /** Codes held that the framework does not list as self-scored (shown apart, removable). */
  extraCodes(): string[] {
    const known = new Set(this.framework?.selfLeaves.map((l) => l.code) ?? []);
    return [...this.drafts.keys()].filter((c) => !known.has(c));
  }

  removeExtra(code: string): void {
    this.drafts.delete(code);
    this.bump(code);
    this.scoresChanged();
    this.emitted('row');
  }
  private versions = new Map<string, number>();
  private rowListeners = new Map<string, Set<Listener>>();
  private scoreListeners = new Set<Listener>();
  private emitListeners = new Set<(kind: ChangeKind) => void>();
  private scoreVersion = 0;
  /** The rule engine's findings on what this table edits. */
  readonly checks = new FindingsState((code) => this.bump(code));

  /** A blank draft for a criterion not held yet. */
  protected abstract blank(code: string): D;

  draft(code: string): D {
    let d = this.drafts.get(code);
    if (!d) {
      d = this.blank(code);
      this.drafts.set(code, d);
    }
    return d;
  }

  has(code: string): boolean {
    return this.drafts.has(code);
  }

  version(code: string): number {
    return this.versions.get(code) ?? 0;
  }

  subscribeRow(code: string, fn: Listener): () => void {
    let set = this.rowListeners.get(code);
    if (!set) this.rowListeners.set(code, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  protected bump(code: string): void {
    this.versions.set(code, this.version(code) + 1);
    for (const l of this.rowListeners.get(code) ?? []) l();
  }

  /**
   * Applies a change. `text` changes (typing) repaint nothing; `row` repaints the row; `score`
   * repaints the row and the totals.
   */
  change(code: string, kind: ChangeKind, mutate: (d: D) => void): void {
    mutate(this.draft(code));
    if (kind !== 'text') this.bump(code);
    if (kind === 'score') this.scoresChanged();
    this.emitted(kind);
  }

  /** Totals must be recomputed (a score changed, a row was removed). */
  protected scoresChanged(): void {
    this.scoreVersion++;
    for (const l of this.scoreListeners) l();
  }

  protected emitted(kind: ChangeKind): void {
    for (const l of this.emitListeners) l(kind);
  }

  subscribeScores(fn: Listener): () => void {
    this.scoreListeners.add(fn);
    return () => this.scoreListeners.delete(fn);
  }

  scoresSnapshot(): number {
    return this.scoreVersion;
  }

  onChange(fn: (kind: ChangeKind) => void): () => void {
    this.emitListeners.add(fn);
    return () => this.emitListeners.delete(fn);
  }

  // The findings, as the panel reads them.
  get findings(): Finding[] { return this.checks.findings; }
  get checking(): boolean { return this.checks.checking; }
  get checkError(): string | null { return this.checks.checkError; }
  setFindings(findings: Finding[], error: string | null = null): void { this.checks.set(findings, error); }
  markChecking(): void { this.checks.markChecking(); }
  findingsFor(code: string): Finding[] { return this.checks.findingsFor(code); }
  subscribeFindings(fn: Listener): () => void { return this.checks.subscribeFindings(fn); }
  findingsSnapshot(): number { return this.checks.findingsSnapshot(); }
}
