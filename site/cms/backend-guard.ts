// "Gửi đi" is the editorial workflow's Ready status (for the council's appraisals: finished). This wrapper around Decap's backend (GitHub,
// or the portal's git server) refuses Ready and merging while the SAVED entry has rule errors,
// checked with the core rules on the text and evidence actually on the entry's branch, so the
// workflow board's drag-and-drop cannot bypass it either. Drafts save with errors. On GitHub
// nobody merges from the CMS at all: the merge bot does, after the Check, so Decap never gets
// to its fallback of committing straight to main; writes outside an entry are refused too.
import { classifyPath } from '../../scripts/core/kinds.js';
import { hasErrors, type Finding } from '../../scripts/core/findings.js';
import { checkText, inspectorFor } from './check.js';
import { yearOfAppraisalCollection } from './page-data.js';
import { branchDiffs, evidenceSource, setActiveBackend, type BackendReader } from './repo-files.js';
import { registry } from './registry.js';
import { S } from './strings.js';

/** An error whose toast text is the message alone (Decap interpolates String(error)). */
export class CmsRefusal extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
    this.name = 'CmsRefusal';
  }
  override toString(): string {
    return this.message;
  }
}

/**
 * A backend's refusal as the officer should read it. Decap's toasts interpolate String(error),
 * and its APIError is named "API_ERROR", so the gate's Vietnamese reason arrived as
 * "API_ERROR: …". The error object stays what it was (Decap still recognises it); only its text
 * changes.
 */
export function plainRefusal(error: unknown): unknown {
  if (error instanceof Error && error.message) {
    Object.defineProperty(error, 'toString', { value: () => error.message, configurable: true });
  }
  return error;
}

async function plainly<R>(action: () => Promise<R>): Promise<R> {
  try {
    return await action();
  } catch (error) {
    throw plainRefusal(error);
  }
}

export const READY = 'pending_publish';
export const DRAFT = 'draft';

export interface GuardPolicy {
  /** The local portal merges from the CMS (its gate decides); GitHub never does. */
  allowPublish: boolean;
  onDemoted?: (collection: string, slug: string) => void;
}

interface Persistable extends BackendReader {
  updateUnpublishedEntryStatus(collection: string, slug: string, status: string): Promise<unknown>;
  publishUnpublishedEntry(collection: string, slug: string): Promise<unknown>;
  persistEntry(entry: { dataFiles: { path: string; slug: string; raw: string }[] }, options: Record<string, unknown>): Promise<unknown>;
  persistMedia(asset: unknown, options: unknown): Promise<unknown>;
  deleteFiles?(paths: string[], message: string): Promise<unknown>;
  deleteFile?(path: string, message: string): Promise<unknown>;
}

/** Findings for the entry as saved on its workflow branch, or null when there is no such entry. */
export async function savedEntryFindings(reader: BackendReader, collection: string, slug: string): Promise<Finding[] | null> {
  const diffs = await branchDiffs(reader, collection, slug);
  // The entry's own file, never merely the first data file of the list: a backend that lists more
  // than the branch changed would otherwise have the guard judge another unit's sheet.
  const kind = yearOfAppraisalCollection(collection) !== null ? 'appraisal' : 'self-assessment';
  const dataPath = [...diffs.keys()].find((p) => { const info = classifyPath(p); return info?.kind === kind && info.id === slug; });
  if (!dataPath) return null;
  const text = await reader.unpublishedEntryDataFile(collection, slug, dataPath, diffs.get(dataPath)!);
  return checkText(text, dataPath, registry(), inspectorFor(evidenceSource({ collection, slug }, diffs, reader)));
}

async function assertSendable(reader: BackendReader, collection: string, slug: string): Promise<void> {
  const council = yearOfAppraisalCollection(collection) !== null;
  let findings: Finding[] | null;
  try {
    findings = await savedEntryFindings(reader, collection, slug);
  } catch {
    throw new CmsRefusal(council ? S.appraisal.sendUnreadable : S.sendUnreadable);
  }
  if (findings && hasErrors(findings)) {
    const errors = findings.filter((f) => f.severity === 'error');
    throw new CmsRefusal(council ? S.sendBlocked(errors, S.appraisal.what) : S.sendBlocked(errors), findings);
  }
}

type Ctor<T> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

export function guardBackend<T extends Ctor<object>>(Base: T, policy: GuardPolicy): T {
  const Guarded = class extends (Base as unknown as Ctor<Persistable>) {
    constructor(...args: any[]) { // eslint-disable-line @typescript-eslint/no-explicit-any
      super(...args);
      setActiveBackend(this);
    }

    override async updateUnpublishedEntryStatus(collection: string, slug: string, status: string) {
      if (status === READY) await assertSendable(this, collection, slug);
      return plainly(() => super.updateUnpublishedEntryStatus(collection, slug, status));
    }

    override async publishUnpublishedEntry(collection: string, slug: string) {
      if (!policy.allowPublish) throw new CmsRefusal(S.publishByGate);
      await assertSendable(this, collection, slug);
      return plainly(() => super.publishUnpublishedEntry(collection, slug));
    }

    override async persistEntry(entry: { dataFiles: { path: string; slug: string; raw: string }[] }, options: Record<string, unknown>) {
      const result = await plainly(() => super.persistEntry(entry, options));
      // A sent entry saved again with errors goes back to draft: "sent" never holds errors.
      const collection = options.collectionName as string | undefined;
      const slug = entry.dataFiles[0]?.slug;
      if (options.useWorkflow && collection && slug && !options.newEntry) {
        try {
          const saved = await this.unpublishedEntry({ collection, slug }) as { status?: string };
          if (saved.status === READY) {
            const findings = await savedEntryFindings(this, collection, slug);
            if (findings && hasErrors(findings)) {
              await super.updateUnpublishedEntryStatus(collection, slug, DRAFT);
              policy.onDemoted?.(collection, slug);
            }
          }
        } catch { /* the save itself succeeded; the gate still refuses a merge with errors */ }
      }
      return result;
    }

    // Outside an entry these write the main branch directly (Decap's global media library).
    override async persistMedia() {
      throw new CmsRefusal(S.mediaOutsideEntry);
    }

    override async deleteFiles() {
      throw new CmsRefusal(S.deleteOutsideEntry);
    }

    override async deleteFile() {
      throw new CmsRefusal(S.deleteOutsideEntry);
    }
  };
  return Guarded as unknown as T;
}
