// History and audit from git (issue 6): submission times, the snapshot at a deadline, who
// changed what. Public API (everything else in this folder is internal):
//
//   openSnapshot(root: string, at: Date, options?: HistoryOptions & { strict?: boolean })
//       : Promise<SnapshotResult>
//     The content of main as of the last commit that arrived on main at or before `at`
//     (strict: before `at`; use strict for a deadline, whose instant is already closed).
//     `score --at` calls this and scores `result.source`. SnapshotResult is
//       { status: 'ok', commit, tree, time, timeSource, committedAt, ref, source: ContentSource }
//     | { status: 'shallow' | 'no-repository' | 'no-ref' | 'incomplete' | 'before-history', message }
//     with `message` in Vietnamese, ready to print.
//
//   openHistory(root: string, options?: HistoryOptions): Promise<HistoryRepo>   (throws HistoryError)
//     history.snapshotAt(at: Date, { strict? }): Promise<Snapshot | null>
//     history.timeline({ year, at, unit? }): Promise<Timeline>       (timeline.ts: the site's JSON)
//     history.audit({ year, unit, from?, to? }): Promise<AuditLog>     (audit.ts: the site's JSON)
//     history.lock(year): Promise<Date | null>       the self-assessment deadline of the campaign
//     history.save(): void                           writes the walk memo to .cache/history/
//     history.close(): void                          closes pack files now (else on GC)
//
//   HistoryOptions = { ref?: string ('main', else origin/main, else HEAD);
//                      engine?: 'fast' | 'isomorphic-git'; cacheDir?: string | null (default
//                      <root>/.cache/history, null: none); lookupMergeTime?: MergeTimeLookup;
//                      sealTrust?: SealTrust (default: access.yaml mergeBot/mergeBotKeys at the
//                      tip + git config parindex.mergeBot/parindex.sealKey; seal.ts) }
//
// Layout: pure logic over injected readers — objects.ts (git formats), store.ts (caches, tree
// diffs), walk.ts, times.ts, messages.ts, timeline.ts, audit.ts; adapters — repo.ts (fs,
// node:zlib, isomorphic-git), disk-memo.ts (fs), github.ts (network). This file wires them.
//
// Times: `time` is when a commit arrived on main: GitHub's merge time when `lookupMergeTime`
// knows the pull request ("github"), else the committer date ("committer"), raised to the
// previous arrival when it is earlier ("inherited"; see times.ts), or the send time of a merge the
// merge bot sealed ("submitted"; seal.ts, docs/security-github.md). Every time in the JSON is ISO
// with the +07:00 offset.
import { parseYaml } from '../load/yaml.js';
import { selfAssessmentWindow, phaseWindows, isOpen, type PhaseWindow } from '../phases.js';
import type { Campaign } from '../model.js';
import { parseInstant, toZonedIso } from '../time.js';
import type { ContentSource } from '../source.js';
import { buildAuditLog, indexByUnit, type AuditLog, type Contributor } from './audit.js';
import { DiskMemo } from './disk-memo.js';
import type { Oid } from './objects.js';
import { openRepository, type Engine, type Repository } from './repo.js';
import { MissingObjectError, type ObjectStore } from './store.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { arrivalTimes, lastArrivalIndex, type Arrival, type MergeTimeLookup, type TimeSource } from './times.js';
import { sealTrust, SEAL_KEY_CONFIG, MERGE_BOT_CONFIG, type SealTrust } from './seal.js';
import { MemoryMemo, walkFirstParent, type CommitMeta, type WalkMemo, type WalkedCommit } from './walk.js';
import { join } from 'node:path';

export type { Timeline, UnitTimeline, Submission } from './timeline.js';
export type { AuditLog, AuditEntry, ItemChange, EvidenceFileChange, DocumentDiff } from './audit.js';
export type { TimeSource, MergeTimeLookup } from './times.js';
export type { Engine } from './repo.js';
export { diffSelfAssessments } from './audit.js';
export { githubMergeTimes, mergeTimesFromPulls } from './github.js';
export { sealMerge, verifySeal, generateSealKeyPair, loadSealPrivateKey, sealTrust, SEAL_KEY_CONFIG, MERGE_BOT_CONFIG,
  type SealTrust, type SealKeyPair } from './seal.js';

export interface HistoryOptions {
  ref?: string;
  engine?: Engine;
  /** Pack read window in bytes (tests only). */
  packWindowBytes?: number;
  cacheDir?: string | null;
  lookupMergeTime?: MergeTimeLookup;
  /**
   * Whose send-time trailers to trust. Default: the merge bot and `mergeBotKeys` of
   * content/access.yaml at the tip, plus git config parindex.mergeBot / parindex.sealKey.
   */
  sealTrust?: SealTrust;
}

export type HistoryErrorCode = 'no-repository' | 'shallow' | 'no-ref' | 'incomplete' | 'bad-point';

export class HistoryError extends Error {
  constructor(readonly code: HistoryErrorCode, message: string) {
    super(message);
  }
}

export interface Snapshot {
  commit: Oid;
  tree: Oid;
  /** When the commit arrived on main, and where that time comes from. */
  time: Date;
  timeSource: TimeSource;
  /** The commit's own committer date (client-set). */
  committedAt: Date;
  ref: string;
  source: ContentSource;
}

export type SnapshotResult =
  | ({ status: 'ok' } & Snapshot)
  | { status: 'shallow'; shallow: true; message: string }
  | { status: Exclude<HistoryErrorCode, 'shallow'> | 'before-history'; message: string };

export const SELF_ASSESSMENT_DIR = 'content/self-assessments';
export const EVIDENCE_DIR = 'content/evidence';

const SHALLOW_MESSAGE =
  'Kho git là bản sao nông (shallow clone): lịch sử bị cắt nên thời điểm nộp, ảnh chụp và nhật ký sẽ sai. ' +
  'Hãy lấy đủ lịch sử (`git fetch --unshallow`, hoặc `fetch-depth: 0` trong GitHub Actions) rồi chạy lại.';

/** A ContentSource reading the files of one tree: what scoring sees at a past instant. */
export function treeSource(store: ObjectStore, tree: Oid): ContentSource {
  return {
    async list(dir) {
      return (await store.listFiles(tree, dir)).map((f) => f.path);
    },
    async read(path) {
      const e = await store.resolvePath(tree, path, 'blob');
      return e ? new Uint8Array(await store.blob(e.oid)) : null;
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A campaign file read from history, reduced to what phaseWindows needs and keeping only
 * well-formed phases: an old version may not validate, and a history answer must still come.
 */
function campaignForPhases(data: unknown): Campaign | null {
  if (!isRecord(data) || !Array.isArray(data.phases)) return null;
  const phases = data.phases.filter((p) => isRecord(p) && typeof p.start === 'string' && typeof p.end === 'string');
  const timezone = typeof data.timezone === 'string' ? data.timezone : 'Asia/Ho_Chi_Minh';
  return { ...data, timezone, phases } as unknown as Campaign;
}

export class HistoryRepo {
  private chainCache: Promise<{ chain: CommitMeta[]; arrivals: Arrival[] }> | null = null;
  private campaignCache = new Map<number, Promise<Campaign | null>>();
  private walks = new Map<string, Promise<WalkedCommit[]>>();
  private auditIndexes = new Map<number, Promise<{ walked: WalkedCommit[]; index: Map<string, number[]>; onMain: Set<Oid> }>>();

  constructor(
    readonly root: string,
    readonly repo: Repository,
    readonly ref: string,
    readonly tip: Oid,
    private memo: WalkMemo & { save?: () => void },
    private lookup?: MergeTimeLookup,
    private sealTrustGiven?: SealTrust,
  ) {}

  get store(): ObjectStore {
    return this.repo.store;
  }

  private async guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      if (error instanceof MissingObjectError) {
        throw new HistoryError('incomplete', `Kho git thiếu đối tượng ${error.oid.slice(0, 12)}: lịch sử không đầy đủ (bản sao một phần hoặc bị hỏng). Hãy lấy đủ lịch sử rồi chạy lại.`);
      }
      throw error;
    }
  }

  /** main's first-parent chain, oldest first, with arrival times. */
  chain(): Promise<{ chain: CommitMeta[]; arrivals: Arrival[] }> {
    this.chainCache ??= this.guard(async () => {
      const walked = await walkFirstParent(this.store, this.tip, [], this.memo);
      const chain = walked.map((w) => w.meta);
      return { chain, arrivals: await arrivalTimes(chain, this.lookup, await this.trust()) };
    });
    return this.chainCache;
  }

  /**
   * Who may seal a send time: content/access.yaml as of the tip (a pull request cannot change
   * it without an admin, the gate enforces that) and this repository's own git config.
   */
  async trust(): Promise<SealTrust> {
    if (this.sealTrustGiven) return this.sealTrustGiven;
    const tip = await this.store.commit(this.tip);
    let access: Record<string, unknown> = {};
    for (const path of ['content/access.yaml', 'content/access.yml']) {
      const e = await this.store.resolvePath(tip.tree, path, 'blob');
      if (!e) continue;
      const data = parseYaml((await this.store.blob(e.oid)).toString('utf8'), path).data;
      if (isRecord(data)) access = data;
      break;
    }
    const keys = Array.isArray(access.mergeBotKeys) ? access.mergeBotKeys.filter((k): k is string => typeof k === 'string') : [];
    const bot = typeof access.mergeBot === 'string' ? access.mergeBot : undefined;
    return sealTrust([bot, ...(await this.repo.configAll(MERGE_BOT_CONFIG))], [...keys, ...(await this.repo.configAll(SEAL_KEY_CONFIG))]);
  }

  /** The first-parent walk under `prefixes`, once per history (the site asks per unit). */
  walk(prefixes: string[]): Promise<WalkedCommit[]> {
    const key = prefixes.join('\n');
    let w = this.walks.get(key);
    if (!w) {
      w = this.guard(() => walkFirstParent(this.store, this.tip, prefixes, this.memo));
      this.walks.set(key, w);
    }
    return w;
  }

  async snapshotAt(at: Date, options: { strict?: boolean } = {}): Promise<Snapshot | null> {
    const { chain, arrivals } = await this.chain();
    const i = lastArrivalIndex(arrivals, at, options.strict);
    return i < 0 ? null : this.snapshotOf(chain[i]!, arrivals[i]!);
  }

  private snapshotOf(meta: CommitMeta, arrival: Arrival): Snapshot {
    return {
      commit: meta.oid,
      tree: meta.tree,
      time: arrival.time,
      timeSource: arrival.source,
      committedAt: arrival.committedAt,
      ref: this.ref,
      source: treeSource(this.store, meta.tree),
    };
  }

  /** The campaign as written in the current (tip) version of its file; null without one. */
  campaign(year: number): Promise<Campaign | null> {
    let c = this.campaignCache.get(year);
    if (!c) {
      c = this.guard(async () => {
        const tip = await this.store.commit(this.tip);
        for (const ext of ['yaml', 'yml']) {
          const path = `content/campaigns/${year}.${ext}`;
          const e = await this.store.resolvePath(tip.tree, path, 'blob');
          if (e) return campaignForPhases(parseYaml((await this.store.blob(e.oid)).toString('utf8'), path).data);
        }
        return null;
      });
      this.campaignCache.set(year, c);
    }
    return c;
  }

  /** The self-assessment deadline (the 17:00 lock) of a year's campaign, or null without one. */
  async lock(year: number): Promise<Date | null> {
    return (await this.selfAssessment(year))?.end ?? null;
  }

  private async selfAssessment(year: number): Promise<PhaseWindow | null> {
    const campaign = await this.campaign(year);
    return campaign ? selfAssessmentWindow(campaign) ?? null : null;
  }

  /**
   * A point of history given on the command line: a commit id (full or abbreviated; it must be
   * on main's first-parent chain) or an instant (the snapshot at or before it). Index in the chain.
   */
  async resolvePoint(spec: string): Promise<number> {
    const { chain, arrivals } = await this.chain();
    if (/^[0-9a-f]{4,40}$/i.test(spec)) {
      const oid = await this.repo.expandOid(spec);
      if (oid) {
        const i = chain.findIndex((c) => c.oid === oid);
        if (i < 0) throw new HistoryError('bad-point', `Commit ${spec} không nằm trên lịch sử chính của ${this.ref} (chuỗi cha thứ nhất).`);
        return i;
      }
    }
    const at = parseInstant(spec);
    if (!at) throw new HistoryError('bad-point', `“${spec}” không phải thời điểm ISO (ví dụ 2023-11-17T17:00+07:00) hay mã commit có trong kho.`);
    return lastArrivalIndex(arrivals, at);
  }

  async timeline(options: { year: number; at: Date; unit?: string }): Promise<Timeline> {
    const folder = `${SELF_ASSESSMENT_DIR}/${options.year}`;
    const [walked, { arrivals }, window, campaign] = await Promise.all([this.walk([folder]), this.chain(), this.selfAssessment(options.year), this.campaign(options.year)]);
    const rounds = campaign ? phaseWindows(campaign).filter((w) => w.phase.kind === 'explanation')
      .map((w) => ({ round: w.phase.round ?? 1, start: w.start, end: w.end })) : [];
    return buildTimeline({
      explanationWindows: rounds,
      year: options.year,
      ref: this.ref,
      folder,
      walked,
      arrivals,
      at: options.at,
      snapshotIndex: lastArrivalIndex(arrivals, options.at),
      window: window ? { id: window.phase.id, name: window.phase.name, start: window.start, end: window.end } : null,
      ...(options.unit ? { unit: options.unit } : {}),
    });
  }

  /** The walk under a year's self-assessments and evidence, indexed by unit (once per year). */
  private auditIndex(year: number) {
    let x = this.auditIndexes.get(year);
    if (!x) {
      x = (async () => {
        const folder = `${SELF_ASSESSMENT_DIR}/${year}`;
        const evidence = `${EVIDENCE_DIR}/${year}`;
        const walked = await this.walk([folder, evidence]);
        return { walked, index: indexByUnit(walked, folder, evidence), onMain: new Set(walked.map((w) => w.meta.oid)) };
      })();
      this.auditIndexes.set(year, x);
    }
    return x;
  }

  async audit(options: { year: number; unit: string; from?: string; to?: string }): Promise<AuditLog> {
    const folder = `${SELF_ASSESSMENT_DIR}/${options.year}`;
    const evidenceFolder = `${EVIDENCE_DIR}/${options.year}/${options.unit}`;
    const { chain, arrivals } = await this.chain();
    const fromIndex = options.from ? await this.resolvePoint(options.from) : -1;
    const toIndex = options.to ? await this.resolvePoint(options.to) : chain.length - 1;
    if (fromIndex > toIndex) throw new HistoryError('bad-point', `Điểm đầu (--from ${options.from}) đến sau điểm cuối (--to ${options.to ?? this.ref}).`);
    const [{ walked, index, onMain }, campaign] = await Promise.all([this.auditIndex(options.year), this.campaign(options.year)]);
    const windows = campaign ? phaseWindows(campaign) : [];
    const window = campaign ? selfAssessmentWindow(campaign) ?? null : null;
    return this.guard(() => buildAuditLog({
      unit: options.unit,
      year: options.year,
      ref: this.ref,
      folder,
      evidenceFolder,
      walked,
      arrivals,
      index,
      fromIndex,
      toIndex,
      lock: window?.end ?? null,
      phaseAt: (t) => {
        const w = windows.find((x) => isOpen(x, t));
        return w ? { id: w.phase.id, name: w.phase.name } : null;
      },
      readYaml: async (oid, path) => {
        const parsed = parseYaml((await this.store.blob(oid)).toString('utf8'), path);
        return { data: parsed.data, error: parsed.findings[0]?.message ?? null };
      },
      contributors: (i, paths) => this.branchContributors(chain[i]!, paths, onMain),
    }));
  }

  /**
   * Who changed `paths` on the branches a merge commit brought in: follow each merged parent's
   * first parents back to main and keep the commits whose version of a path differs from
   * their parent's. Bounded, since a branch that never meets main would walk to the root.
   */
  private async branchContributors(merge: CommitMeta, paths: string[], onMain: Set<Oid>): Promise<Contributor[]> {
    const out: Contributor[] = [];
    for (const start of merge.parents.slice(1)) {
      let oid: Oid | undefined = start;
      for (let n = 0; oid && !onMain.has(oid) && n < 500; n++) {
        const c = await this.store.commit(oid);
        const parent = c.parents[0] ? await this.store.commit(c.parents[0]) : null;
        for (const path of paths) {
          const mine = await this.store.resolvePath(c.tree, path, 'blob');
          const theirs = parent ? await this.store.resolvePath(parent.tree, path, 'blob') : null;
          if ((mine?.oid ?? null) !== (theirs?.oid ?? null)) {
            out.push({ sha: c.oid, name: c.author.name, email: c.author.email, committedAt: toZonedIso(new Date(c.committer.timestamp * 1000)) });
            break;
          }
        }
        oid = c.parents[0];
      }
    }
    return out.reverse();
  }

  /** Writes the walk memo (.cache/history) when this run added to it. */
  save(): void {
    this.memo.save?.();
  }

  /** Closes the pack files now rather than on GC (a later read reopens them). */
  close(): void {
    this.repo.close();
  }
}

const DEFAULT_REFS = ['main', 'origin/main', 'HEAD'];

export async function openHistory(root: string, options: HistoryOptions = {}): Promise<HistoryRepo> {
  const repo = openRepository(root, {
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.packWindowBytes ? { packWindowBytes: options.packWindowBytes } : {}),
  });
  if (!repo) throw new HistoryError('no-repository', `Không tìm thấy kho git tại ${root}.`);
  if (repo.isShallow()) throw new HistoryError('shallow', SHALLOW_MESSAGE);
  const refs = options.ref ? [options.ref] : DEFAULT_REFS;
  for (const ref of refs) {
    const tip = await repo.resolveRef(ref);
    if (!tip) continue;
    const cacheDir = options.cacheDir === undefined ? join(root, '.cache', 'history') : options.cacheDir;
    const memo = cacheDir ? new DiskMemo(cacheDir) : new MemoryMemo();
    return new HistoryRepo(root, repo, ref, tip, memo, options.lookupMergeTime, options.sealTrust);
  }
  throw new HistoryError('no-ref', `Không tìm thấy nhánh ${refs.join(', ')} trong kho git (kho chưa có commit nào?).`);
}

export async function openSnapshot(root: string, at: Date, options: HistoryOptions & { strict?: boolean } = {}): Promise<SnapshotResult> {
  try {
    const history = await openHistory(root, options);
    const snap = await history.snapshotAt(at, { strict: options.strict ?? false });
    history.save();
    if (!snap) {
      return { status: 'before-history', message: `Chưa có commit nào trên ${history.ref} ${options.strict ? 'trước' : 'đến'} thời điểm ${toZonedIso(at)}.` };
    }
    return { status: 'ok', ...snap };
  } catch (error) {
    if (error instanceof HistoryError) {
      return error.code === 'shallow'
        ? { status: 'shallow', shallow: true, message: error.message }
        : { status: error.code, message: error.message };
    }
    throw error;
  }
}
