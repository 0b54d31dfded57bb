// One editing session of the score table: the store, the rules' check of the entry, the totals
// and the officers' edits. The unit's framework and the two schedulers that keep typing cheap
// come from TableSession, shared with the council's table.
import type { Finding } from '../../../scripts/core/findings.js';
import type { FrameworkLeaf, Item } from '../../../scripts/core/model.js';
import { measuredScore } from '../../../scripts/core/rules/scores.js';
import { scoreTree, selfScores, type NodeResult } from '../../../scripts/core/score/index.js';
import type { EvidenceInspector } from '../../../scripts/core/validate/engine.js';
import { EntryStore, newEvidence, type EvidenceDraft } from '../entry-store.js';
import { checkEntry, inspectorFor } from '../check.js';
import { evidenceSource, rememberUpload } from '../repo-files.js';
import { normalizeEntryData } from '../entry-data.js';
import { registry } from '../registry.js';
import { prepareUpload } from '../upload.js';
import { TableSession } from '../table-session.js';
import type { EntryHost } from '../session-control.js';
import { S } from '../strings.js';

export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  toJS(): unknown;
  delete?(key: string): ImmutableLike;
}

export interface SessionHost extends EntryHost {
  persistMedia(file: File): Promise<unknown>;
  /** Paths of media files Decap already has for the entry (main, branch or draft). */
  knownMedia(): Set<string>;
}

export class Session extends TableSession<Item> {
  readonly store: EntryStore;
  private inspector: EvidenceInspector;
  private treeCache: { version: number; tree: NodeResult; byCode: Map<string, NodeResult> } | null = null;

  constructor(readonly host: SessionHost, unit: string | null, items: Item[]) {
    super(host.year, unit);
    this.store = new EntryStore(items, this.framework);
    this.inspector = this.newInspector();
    this.store.onChange((kind) => this.changed(kind));
  }

  private newInspector(): EvidenceInspector {
    return inspectorFor(evidenceSource(this.host.slug ? { collection: this.host.collection, slug: this.host.slug } : null));
  }

  /** The entry's other fields changed (the unit, the preparer): the rules see them too. */
  headerChanged(): void {
    this.scheduleCheck();
  }

  /** Marks the table as changed without an edit (a new entry's initial items). */
  touch(): void {
    this.changed('row');
  }

  protected async findings(): Promise<Finding[]> {
    const data = normalizeEntryData({ ...this.host.header(), unit: this.unit ?? undefined, items: this.store.toItems() }, this.host.year);
    return checkEntry(data, this.host.year, registry(), this.inspector);
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

  /** null: back to not scored. */
  setScore(code: string, score: number | null): void {
    this.store.change(code, 'score', (d) => { d.score = score ?? undefined; });
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

  /** The engine's verdict on an evidence file (signatures, printed header), read once per file. */
  readonly inspectEvidence = (path: string) => this.inspector.inspect(path);

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
}
