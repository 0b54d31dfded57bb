// One editing session of the score table: the store, the unit's framework, and the two
// schedulers that keep typing cheap. Edits reach Decap debounced (and at once when focus leaves
// the table or Decap validates before saving); the rules run a little later, when idle.
import { fromJS } from 'immutable';
import type { FrameworkIndex, FrameworkLeaf, Item } from '../../../scripts/core/model.js';
import { measuredScore } from '../../../scripts/core/rules/scores.js';
import { scoreTree, selfScores, type NodeResult } from '../../../scripts/core/score/index.js';
import type { EvidenceInspector } from '../../../scripts/core/validate/engine.js';
import { EntryStore, newEvidence, type ChangeKind, type EvidenceDraft } from '../entry-store.js';
import { tableLayout, rowId, type Layout } from '../layout.js';
import { checkEntry, inspectorFor } from '../check.js';
import { evidenceSource, rememberUpload } from '../repo-files.js';
import { normalizeEntryData } from '../entry-data.js';
import { registry, frameworkFor, type UnitFramework } from '../registry.js';
import { prepareUpload } from '../upload.js';
import { goToRow } from '../findings-panel.js';
import { S } from '../strings.js';

export const EMIT_DELAY_MS = 300;
export const CHECK_DELAY_MS = 500;

export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  toJS(): unknown;
  delete?(key: string): ImmutableLike;
}

export interface SessionHost {
  year: number;
  collection: string;
  /** The entry's slug when it exists (null for a new entry). */
  slug: string | null;
  /** Current header data of the entry (without items), fresh from Decap. */
  header(): Record<string, unknown>;
  emit(value: unknown): void;
  persistMedia(file: File): Promise<unknown>;
  /** Paths of media files Decap already has for the entry (main, branch or draft). */
  knownMedia(): Set<string>;
}

export class Session {
  readonly store: EntryStore;
  readonly layout: Layout | null;
  readonly target: UnitFramework;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private disposed = false;
  private inspector: EvidenceInspector;
  private checkRun = 0;
  private treeCache: { version: number; tree: NodeResult; byCode: Map<string, NodeResult> } | null = null;
  lastEmitted: unknown = undefined;

  constructor(readonly host: SessionHost, readonly unit: string | null, items: Item[]) {
    this.target = frameworkFor(host.year, unit);
    const fw = this.target.ok ? this.target.framework : undefined;
    this.store = new EntryStore(items, fw);
    this.layout = fw ? tableLayout(fw) : null;
    this.inspector = this.newInspector();
    this.store.onChange((kind) => this.changed(kind));
  }

  get framework(): FrameworkIndex | undefined {
    return this.target.ok ? this.target.framework : undefined;
  }

  private newInspector(): EvidenceInspector {
    return inspectorFor(evidenceSource(this.host.slug ? { collection: this.host.collection, slug: this.host.slug } : null));
  }

  private changed(_kind: ChangeKind): void {
    this.dirty = true;
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = setTimeout(() => this.flush(), EMIT_DELAY_MS);
    this.scheduleCheck();
  }

  /** The entry's other fields changed (the unit, the preparer): the rules see them too. */
  headerChanged(): void {
    this.scheduleCheck();
  }

  currentValue(): Item[] {
    return this.store.toItems();
  }

  /** Marks the table as changed without an edit (a new entry's initial items). */
  touch(): void {
    this.changed('row');
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
      const data = normalizeEntryData({ ...this.host.header(), unit: this.unit ?? undefined, items: this.store.toItems() }, this.host.year);
      const findings = await checkEntry(data, this.host.year, registry(), this.inspector);
      if (run === this.checkRun && !this.disposed) this.store.setFindings(findings);
    } catch (error) {
      if (run === this.checkRun && !this.disposed) this.store.setFindings([], S.checkFailed((error as Error)?.message ?? String(error)));
    }
  }

  /** Totals per node for the current scores, computed once per score change. */
  tree(): { tree: NodeResult; byCode: Map<string, NodeResult> } | null {
    const fw = this.framework;
    if (!fw) return null;
    const version = this.store.scoresSnapshot();
    if (this.treeCache?.version !== version) {
      const tree = scoreTree(fw, selfScores({ items: this.store.toItems() } as never));
      const byCode = new Map<string, NodeResult>();
      const walk = (n: NodeResult) => { byCode.set(n.code, n); n.children?.forEach(walk); };
      walk(tree);
      this.treeCache = { version, tree, byCode };
    }
    return this.treeCache;
  }

  setScore(code: string, score: number): void {
    this.store.change(code, 'score', (d) => { d.score = score; });
  }

  setNotApplicable(code: string, on: boolean): void {
    this.store.change(code, 'score', (d) => {
      d.notApplicable = on || undefined;
      if (on) d.score = 0;
    });
  }

  /** A figure of a measured leaf; the score follows the thresholds when both figures are known. */
  setFigure(leaf: FrameworkLeaf, key: string, value: number | null): void {
    this.store.change(leaf.code, 'score', (d) => {
      const figures = { ...(d.figures ?? {}) };
      if (value === null) delete figures[key]; else figures[key] = value;
      d.figures = Object.keys(figures).length ? figures : undefined;
      if (leaf.measure && !d.notApplicable) {
        const r = measuredScore(leaf, d.figures);
        if ('score' in r) d.score = r.score;
      }
    });
  }

  setExplanation(code: string, text: string): void {
    this.store.change(code, 'text', (d) => { d.explanation = text; });
  }

  addEvidence(code: string): EvidenceDraft {
    const ev = newEvidence();
    this.store.change(code, 'row', (d) => { d.evidence = [...d.evidence, ev]; });
    return ev;
  }

  removeEvidence(code: string, key: number): void {
    this.store.change(code, 'row', (d) => { d.evidence = d.evidence.filter((e) => e._key !== key); });
  }

  setEvidenceField(code: string, key: number, field: 'number' | 'date' | 'issuer' | 'title' | 'locator' | 'url', value: string): void {
    this.store.change(code, 'text', (d) => {
      const ev = d.evidence.find((e) => e._key === key);
      if (ev) ev[field] = value;
    });
  }

  setStatisticsTable(code: string, key: number, on: boolean): void {
    this.store.change(code, 'text', (d) => {
      const ev = d.evidence.find((e) => e._key === key);
      if (ev) ev.statisticsTable = on || undefined;
    });
  }

  clearEvidenceFile(code: string, key: number): void {
    this.store.change(code, 'row', (d) => {
      const ev = d.evidence.find((e) => e._key === key);
      if (ev) { delete ev.file; delete ev.sha256; }
    });
  }

  /**
   * Hashes and stores a PDF for one evidence record. The file goes into the entry's media (and so
   * onto the entry's branch with the next save), unless an identical file is already there.
   */
  async upload(code: string, key: number, file: File): Promise<string | null> {
    if (!this.unit) return S.uploadNeedsUnit;
    const prepared = await prepareUpload(file, this.host.year, this.unit);
    if (!prepared.isPdf) return S.uploadNotPdf(file.name);
    rememberUpload(prepared.path, prepared.bytes);
    if (!this.host.knownMedia().has(prepared.path)) {
      try {
        await this.host.persistMedia(new File([prepared.bytes as BlobPart], prepared.name, { type: 'application/pdf' }));
      } catch (error) {
        return S.uploadFailed((error as Error)?.message ?? String(error));
      }
    }
    this.store.change(code, 'row', (d) => {
      const ev = d.evidence.find((e) => e._key === key);
      if (!ev) return;
      ev.file = prepared.path;
      ev.sha256 = prepared.sha256;
      delete ev.url;
    });
    return null;
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
