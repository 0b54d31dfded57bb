// The score table's state, outside React (the shared RowStore): one draft per criterion with the
// unit's score, flags, figures, explanation and evidence.
import type { Evidence, FrameworkIndex, Item } from '../../scripts/core/model.js';
import { normalizeItems } from './items.js';
import { RowStore, type ChangeKind } from './row-store.js';

export type { ChangeKind };

export interface EvidenceDraft extends Partial<Evidence> {
  /** Stable React key; stripped when written. */
  _key: number;
}

export interface ItemDraft {
  code: string;
  /** undefined: not scored yet. */
  score: number | undefined;
  notApplicable?: boolean;
  figures?: Record<string, number>;
  explanation?: string;
  evidence: EvidenceDraft[];
  /** Fields the form does not edit, kept as they were. */
  rest: Record<string, unknown>;
}

let nextKey = 1;

export function newEvidence(partial: Partial<Evidence> = {}): EvidenceDraft {
  return { number: '', date: '', issuer: '', title: '', ...partial, _key: nextKey++ };
}

function toDraft(item: Item): ItemDraft {
  const { code, score, notApplicable, figures, explanation, evidence, ...rest } = item;
  return {
    code, score: typeof score === 'number' ? score : undefined, notApplicable, figures: figures ? { ...figures } as Record<string, number> : undefined,
    explanation, evidence: (evidence ?? []).map((e) => ({ ...e, _key: nextKey++ })), rest,
  };
}

function fromDraft(d: ItemDraft): Item {
  const item: Record<string, unknown> = { ...d.rest, code: d.code };
  if (d.score !== undefined) item.score = d.score;
  if (d.notApplicable) item.notApplicable = true;
  if (d.figures) item.figures = { ...d.figures };
  if (d.explanation !== undefined) item.explanation = d.explanation;
  if (d.evidence.length) item.evidence = d.evidence.map(({ _key, ...e }) => e);
  return item as unknown as Item;
}

export class EntryStore extends RowStore<ItemDraft> {
  /** Second and later items with an already-used code: kept so the rules can name them. */
  private duplicates: Item[] = [];

  constructor(items: Item[], readonly framework: FrameworkIndex | undefined) {
    super();
    for (const item of items) {
      if (this.drafts.has(item.code)) this.duplicates.push(item);
      else this.drafts.set(item.code, toDraft(item));
    }
  }

  protected blank(code: string): ItemDraft {
    return { code, score: undefined, evidence: [], rest: {} };
  }

  /** The items as the file will hold them. */
  toItems(): Item[] {
    return normalizeItems([...[...this.drafts.values()].map(fromDraft), ...this.duplicates], this.framework);
  }
}
