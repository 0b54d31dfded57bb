// One editing session of the council's appraisal table. It reads the unit's self-assessment
// from the repository (the merged one on the base branch: what the unit sent is what is
// appraised) through the same reader the rules use for evidence, runs the core rules on it once
// for the column beside the inputs, and re-runs the appraisal rules on the council's entry when
// idle after each edit. Edits reach Decap debounced, as in the officers' table (TableSession).
import { selfAssessmentPath } from '../../../scripts/core/kinds.js';
import { appraisalPathFor } from '../../../scripts/core/gate/paths.js';
import { isLeaf, type Appraisal, type SelfAssessment } from '../../../scripts/core/model.js';
import { adjustments, councilScores, round2, scoreTree, selfScores, type NodeResult } from '../../../scripts/core/score/index.js';
import type { EvidenceInspector } from '../../../scripts/core/validate/engine.js';
import { checkText, inspectorFor, toYaml } from '../check.js';
import { evidenceSource } from '../repo-files.js';
import { registry } from '../registry.js';
import type { Finding } from '../../../scripts/core/findings.js';
import type { ContentSource } from '../../../scripts/core/source.js';
import type { EntryHost } from '../session-control.js';
import { TableSession } from '../table-session.js';
import { AppraisalStore, type RoundDraft } from './store.js';
import { normalizeAppraisalData, type AppraisalItem } from './data.js';
import { S } from '../strings.js';

export interface Totals {
  self: NodeResult;
  round1: NodeResult;
  final: NodeResult;
  /** Per code, the three results. */
  byCode: Map<string, { self?: NodeResult; round1?: NodeResult; final?: NodeResult }>;
  bonus: number;
  penalty: number;
  /** Final criteria points + bonus − penalty. */
  finalPoints: number;
}

export class AppraisalSession extends TableSession<AppraisalItem> {
  readonly store: AppraisalStore;
  readonly source: ContentSource;
  private inspector: EvidenceInspector;
  private totalsCache: { version: number; totals: Totals } | null = null;

  constructor(readonly host: EntryHost, unit: string | null, items: AppraisalItem[]) {
    super(host.year, unit);
    this.store = new AppraisalStore(items, this.framework);
    this.source = evidenceSource(host.slug ? { collection: host.collection, slug: host.slug } : null);
    this.inspector = inspectorFor(this.source);
    this.store.onChange((kind) => this.changed(kind));
  }

  /** Reads the unit's self-assessment and checks it; then checks the appraisal against it. */
  async loadSelf(): Promise<void> {
    if (!this.unit || !this.target.ok) {
      this.store.setSelf({ status: 'missing', reason: this.target.ok ? S.pickUnitFirst : this.target.reason });
      return;
    }
    const path = selfAssessmentPath(this.host.year, this.unit);
    this.store.selfChecks.markChecking();
    try {
      const parsed = await this.inspector.parsed(path);
      if (this.disposed) return;
      const data = parsed?.data as SelfAssessment | undefined;
      if (!parsed || !data || !Array.isArray(data.items)) {
        this.store.setSelf({ status: 'missing', reason: S.appraisal.noSelf(this.host.year, this.unit) });
        this.store.selfChecks.set(parsed?.findings.length ? await checkText(parsed.text, path, registry(), this.inspector) : []);
      } else {
        this.store.setSelf({ status: 'loaded', items: new Map(data.items.map((i) => [i.code, i])), valid: parsed.valid });
        const findings = await checkText(parsed.text, path, registry(), this.inspector);
        if (!this.disposed) this.store.selfChecks.set(findings);
      }
    } catch (error) {
      if (this.disposed) return;
      const why = (error as Error)?.message ?? String(error);
      this.store.setSelf({ status: 'missing', reason: S.appraisal.selfUnreadable(why) });
      this.store.selfChecks.set([], S.checkFailed(why));
    }
  }

  headerChanged(): void {
    this.store.refreshTotals();
    this.scheduleCheck();
  }

  /** The appraisal as the file will hold it. */
  entryData(): Record<string, unknown> {
    return normalizeAppraisalData({ ...this.host.header(), unit: this.unit ?? undefined, items: this.store.toItems() }, this.host.year);
  }

  protected async findings(): Promise<Finding[]> {
    if (!this.unit) return [];
    return checkText(toYaml(this.entryData()), appraisalPathFor(this.host.year, this.unit), registry(), this.inspector);
  }

  /** Self, round-1 and final totals per node, computed once per change of scores or header. */
  totals(): Totals | null {
    const fw = this.framework;
    if (!fw || !this.target.ok) return null;
    const version = this.store.scoresSnapshot();
    if (this.totalsCache?.version !== version) {
      const self = this.store.self;
      const sa = { items: self.status === 'loaded' ? [...self.items.values()] : [] } as unknown as SelfAssessment;
      const header = this.host.header();
      const appraisal = { ...header, items: this.store.toItems() } as unknown as Appraisal;
      const unit = this.unit ?? '';
      const trees = {
        self: scoreTree(fw, selfScores(sa)),
        round1: scoreTree(fw, councilScores(sa, appraisal, undefined, unit, 'appraisal')),
        final: scoreTree(fw, councilScores(sa, appraisal, undefined, unit, 'final')),
      };
      const byCode: Totals['byCode'] = new Map();
      for (const key of ['self', 'round1', 'final'] as const) {
        const walk = (n: NodeResult) => {
          let entry = byCode.get(n.code);
          if (!entry) byCode.set(n.code, (entry = {}));
          entry[key] = n;
          n.children?.forEach(walk);
        };
        walk(trees[key]);
      }
      const { bonus, penalty } = adjustments(numericAdjustments(appraisal), this.target.campaign);
      this.totalsCache = { version, totals: { ...trees, byCode, bonus, penalty, finalPoints: round2(trees.final.points + bonus - penalty) } };
    }
    return this.totalsCache.totals;
  }

  /** Round 2 may be entered where round 1 asked for an explanation or the leaf's data comes later. */
  round2Open(code: string): boolean {
    const node = this.framework?.byCode.get(code)?.node;
    return !!(this.store.draft(code).round1.requestExplanation || (node && isLeaf(node) && node.deferred));
  }

  setRound1Score(code: string, score: number | null): void {
    this.store.change(code, 'score', (d) => { d.round1.score = score; });
  }

  setRemark(code: string, round: 'round1' | 'round2', text: string): void {
    this.store.change(code, round === 'round2' && !this.store.draft(code).round2 ? 'row' : 'text', (d) => {
      const r = round === 'round1' ? d.round1 : (d.round2 ??= blankRound());
      r.remark = text;
      if (round === 'round2' && r.score === null && !text.trim() && !Object.keys(r.rest).length) d.round2 = null;
    });
  }

  setRequestExplanation(code: string, on: boolean): void {
    this.store.change(code, 'score', (d) => {
      d.round1.requestExplanation = on || undefined;
      // An untouched round 2 goes with the request; one with a score stays for the rule to flag.
      if (!on && d.round2 && d.round2.score === null && !d.round2.remark.trim()) d.round2 = null;
    });
  }

  setRound2Score(code: string, score: number | null): void {
    this.store.change(code, 'score', (d) => {
      const r = (d.round2 ??= blankRound());
      r.score = score;
      if (score === null && !r.remark.trim() && !Object.keys(r.rest).length) d.round2 = null;
    });
  }

  dropRound2(code: string): void {
    this.store.change(code, 'score', (d) => { d.round2 = null; });
  }

  /** The engine's verdict on an evidence file (signatures, printed header), read once per file. */
  readonly inspectEvidence = (path: string) => this.inspector.inspect(path);

  /** Bytes of a repository file (evidence), read as the rules read it. */
  readFile(path: string): Promise<Uint8Array | null> {
    return this.source.read(path);
  }
}

function blankRound(): RoundDraft {
  return { score: null, remark: '', rest: {} };
}

/** Bonus and penalty as Decap holds them (a number typed, or an empty input). */
function numericAdjustments(a: Appraisal): Appraisal {
  const num = (x: unknown) => (typeof x === 'object' && x && typeof (x as { points?: unknown }).points === 'number' ? x as { points: number; reason: string } : undefined);
  return { ...a, bonus: num(a.bonus), penalty: num(a.penalty) };
}
