// The appraisal table's state outside React (the shared RowStore): per criterion, the council's
// round-1 and round-2 inputs. Beside them, read-only, the unit's self-assessment and the rule
// engine's findings on it, which arrive once after the entry opens.
import type { FrameworkIndex, Item } from '../../../scripts/core/model.js';
import { FindingsState, RowStore } from '../row-store.js';
import { normalizeAppraisalItems, type AppraisalItem } from './data.js';

export interface RoundDraft {
  /** null: not scored yet. */
  score: number | null;
  remark: string;
  requestExplanation?: boolean;
  /** Fields the form does not edit, kept as they were. */
  rest: Record<string, unknown>;
}

export interface AppraisalDraft {
  code: string;
  round1: RoundDraft;
  /** null: no round-2 score. */
  round2: RoundDraft | null;
  rest: Record<string, unknown>;
}

/** The unit's self-assessment as read from the repository, for display beside the inputs. */
export type SelfState =
  | { status: 'loading' }
  | { status: 'missing'; reason: string }
  | { status: 'loaded'; items: Map<string, Item>; valid: boolean };

function emptyRound(): RoundDraft {
  return { score: null, remark: '', rest: {} };
}

function toRound(round: unknown): RoundDraft | null {
  if (!round || typeof round !== 'object') return null;
  const { score, remark, requestExplanation, ...rest } = round as Record<string, unknown>;
  return {
    score: typeof score === 'number' && Number.isFinite(score) ? score : null,
    remark: typeof remark === 'string' ? remark : '',
    requestExplanation: requestExplanation === true ? true : undefined,
    rest,
  };
}

function fromRound(r: RoundDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r.rest };
  if (r.score !== null) out.score = r.score;
  if (r.remark) out.remark = r.remark;
  if (r.requestExplanation) out.requestExplanation = true;
  return out;
}

export class AppraisalStore extends RowStore<AppraisalDraft> {
  private duplicates: AppraisalItem[] = [];
  /** The engine's findings on the unit's self-assessment (read-only, shown under each item). */
  readonly selfChecks = new FindingsState((code) => this.bump(code));
  private selfState: SelfState = { status: 'loading' };

  constructor(items: AppraisalItem[], readonly framework: FrameworkIndex | undefined) {
    super();
    for (const item of items) {
      if (this.drafts.has(item.code)) { this.duplicates.push(item); continue; }
      const { code, round1, round2, ...rest } = item;
      this.drafts.set(code, { code, round1: toRound(round1) ?? emptyRound(), round2: toRound(round2), rest });
    }
  }

  protected blank(code: string): AppraisalDraft {
    return { code, round1: emptyRound(), round2: null, rest: {} };
  }

  get self(): SelfState {
    return this.selfState;
  }

  /** The self-assessment arrived (or could not be read): every row and the totals repaint. */
  setSelf(state: SelfState): void {
    this.selfState = state;
    for (const code of this.framework?.leaves.map((l) => l.code) ?? []) this.bump(code);
    this.scoresChanged();
  }

  /** Something outside the items moved the totals (bonus, penalty). */
  refreshTotals(): void {
    this.scoresChanged();
  }

  selfItem(code: string): Item | undefined {
    return this.selfState.status === 'loaded' ? this.selfState.items.get(code) : undefined;
  }

  /** Leaves with a round-1 score. */
  scoredCount(): number {
    let n = 0;
    for (const leaf of this.framework?.selfLeaves ?? []) if (this.drafts.get(leaf.code)?.round1.score != null) n++;
    return n;
  }

  /** The items as the file will hold them. */
  toItems(): AppraisalItem[] {
    const items = [...this.drafts.values()].map((d) => {
      const item: Record<string, unknown> = { ...d.rest, code: d.code, round1: fromRound(d.round1) };
      if (d.round2) item.round2 = fromRound(d.round2);
      return item as unknown as AppraisalItem;
    });
    return normalizeAppraisalItems([...items, ...this.duplicates], this.framework);
  }
}
