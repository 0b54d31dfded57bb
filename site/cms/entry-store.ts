// The score table's state, outside React: one mutable draft per criterion and a version per
// row, so typing in one explanation re-renders nothing and changing one score re-renders one
// row and the totals, never the 100 rows around it. Decap hears about changes through the
// debounced `onEmit` listeners, not per keystroke.
import type { Evidence, FrameworkIndex, Item } from '../../scripts/core/model.js';
import type { Finding } from '../../scripts/core/findings.js';
import { normalizeItems } from './items.js';

export interface EvidenceDraft extends Partial<Evidence> {
  /** Stable React key; stripped when written. */
  _key: number;
}

export interface ItemDraft {
  code: string;
  score: number;
  notApplicable?: boolean;
  figures?: Record<string, number>;
  explanation?: string;
  evidence: EvidenceDraft[];
  /** Fields the form does not edit, kept as they were. */
  rest: Record<string, unknown>;
}

export type ChangeKind = 'text' | 'row' | 'score';

type Listener = () => void;

let nextKey = 1;

export function newEvidence(partial: Partial<Evidence> = {}): EvidenceDraft {
  return { number: '', date: '', issuer: '', title: '', ...partial, _key: nextKey++ };
}

function toDraft(item: Item): ItemDraft {
  const { code, score, notApplicable, figures, explanation, evidence, ...rest } = item;
  return {
    code, score: typeof score === 'number' ? score : 0, notApplicable, figures: figures ? { ...figures } as Record<string, number> : undefined,
    explanation, evidence: (evidence ?? []).map((e) => ({ ...e, _key: nextKey++ })), rest,
  };
}

function fromDraft(d: ItemDraft): Item {
  const item: Record<string, unknown> = { ...d.rest, code: d.code, score: d.score };
  if (d.notApplicable) item.notApplicable = true;
  if (d.figures) item.figures = { ...d.figures };
  if (d.explanation !== undefined) item.explanation = d.explanation;
  if (d.evidence.length) item.evidence = d.evidence.map(({ _key, ...e }) => e);
  return item as unknown as Item;
}

export class EntryStore {
  private drafts = new Map<string, ItemDraft>();
  /** Second and later items with an already-used code: kept so the rules can name them. */
  private duplicates: Item[] = [];
  private versions = new Map<string, number>();
  private rowListeners = new Map<string, Set<Listener>>();
  private scoreListeners = new Set<Listener>();
  private emitListeners = new Set<(kind: ChangeKind) => void>();
  private findingListeners = new Set<Listener>();
  private findingsByCode = new Map<string, Finding[]>();
  private scoreVersion = 0;
  private findingsVersion = 0;
  findings: Finding[] = [];
  checking = false;
  checkError: string | null = null;

  constructor(items: Item[], readonly framework: FrameworkIndex | undefined) {
    for (const item of items) {
      if (this.drafts.has(item.code)) this.duplicates.push(item);
      else this.drafts.set(item.code, toDraft(item));
    }
  }

  draft(code: string): ItemDraft {
    let d = this.drafts.get(code);
    if (!d) {
      d = { code, score: 0, evidence: [], rest: {} };
      this.drafts.set(code, d);
    }
    return d;
  }

  has(code: string): boolean {
    return this.drafts.has(code);
  }

  /** Codes held that the framework does not list (shown apart, removable). */
  extraCodes(): string[] {
    const known = new Set(this.framework?.selfLeaves.map((l) => l.code) ?? []);
    return [...this.drafts.keys()].filter((c) => !known.has(c));
  }

  removeExtra(code: string): void {
    this.drafts.delete(code);
    this.bump(code);
    this.scoreVersion++;
    for (const l of this.scoreListeners) l();
    for (const l of this.emitListeners) l('row');
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

  private bump(code: string): void {
    this.versions.set(code, this.version(code) + 1);
    for (const l of this.rowListeners.get(code) ?? []) l();
  }

  /**
   * Applies a change. `text` changes (typing) repaint nothing; `row` repaints the row; `score`
   * repaints the row and the totals.
   */
  change(code: string, kind: ChangeKind, mutate: (d: ItemDraft) => void): void {
    mutate(this.draft(code));
    if (kind !== 'text') this.bump(code);
    if (kind === 'score') {
      this.scoreVersion++;
      for (const l of this.scoreListeners) l();
    }
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

  /** The items as the file will hold them. */
  toItems(): Item[] {
    return normalizeItems([...[...this.drafts.values()].map(fromDraft), ...this.duplicates], this.framework);
  }

  setFindings(findings: Finding[], error: string | null = null): void {
    const before = this.findingsByCode;
    this.findings = findings;
    this.checkError = error;
    this.checking = false;
    this.findingsByCode = new Map();
    for (const f of findings) {
      const key = f.code ?? '';
      let list = this.findingsByCode.get(key);
      if (!list) this.findingsByCode.set(key, (list = []));
      list.push(f);
    }
    // Only rows whose messages changed repaint.
    const touched = new Set([...before.keys(), ...this.findingsByCode.keys()]);
    for (const code of touched) {
      const a = (before.get(code) ?? []).map((f) => f.severity + f.message).join('\n');
      const b = (this.findingsByCode.get(code) ?? []).map((f) => f.severity + f.message).join('\n');
      if (a !== b && code) this.bump(code);
    }
    this.findingsVersion++;
    for (const l of this.findingListeners) l();
  }

  markChecking(): void {
    if (this.checking) return;
    this.checking = true;
    this.findingsVersion++;
    for (const l of this.findingListeners) l();
  }

  findingsFor(code: string): Finding[] {
    return this.findingsByCode.get(code) ?? [];
  }

  subscribeFindings(fn: Listener): () => void {
    this.findingListeners.add(fn);
    return () => this.findingListeners.delete(fn);
  }

  findingsSnapshot(): number {
    return this.findingsVersion;
  }
}
