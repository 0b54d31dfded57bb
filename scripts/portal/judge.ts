// What the gate says about one decap-server action, before decap-server runs it (request.ts has
// already checked its shape: action, branch, paths, names, sizes):
//
//   persistEntry (draft on a cms/ branch)      ownership of the written files and of everything
//                                              the draft branch already holds: drafts may have errors
//   updateUnpublishedEntryStatus → Ready        "Gửi đi": the whole gate, now; records the send
//   updateUnpublishedEntryStatus → other,       ownership of the draft branch
//     deleteUnpublishedEntry
//   publishUnpublishedEntry                     the whole gate with the recorded send time
//   persistMedia, deleteFile(s), persistEntry   these write main directly: the whole gate
//     without the editorial workflow
//
// The gate reads the clone exactly as `parindex gate` reads a repository (scripts/io/git-*).
import { toZonedIso } from '../core/time.js';
import { MERGE_TRAILERS_ENV, PORTAL_MERGER } from './clone.js';
import { ensureLocalSealKey } from '../core/history/seal-local.js';
import { sealMerge } from '../core/history/seal.js';
import { loadRegistry } from '../core/validate/engine.js';
import type { ContentSource } from '../core/source.js';
import type { Registry } from '../core/rules/types.js';
import { gitSource, openGitRepo } from '../io/git-source.js';
import { openLocalChange } from '../io/git-change.js';
import { foreignPaths, resolveActor, type Actor, type ActorOptions } from './actor.js';
import type { PortalClock } from './clock.js';
import type { ChangedFile, GateDecision, GateFn, GateInput } from './gate-api.js';
import { resolveRef } from './git.js';
import { formatReason, msg } from './messages.js';
import { clearSend, recordSend, sendTimeFor, withdrawSend } from './sends.js';
import { directWrite } from './views.js';

export type Verdict =
  /** Not the gate's business: decap-server handles it as is. */
  | { kind: 'pass' }
  /** Allowed: decap-server runs it (committing as `actor`, dated `now`), then `after` runs. */
  | { kind: 'write'; now: Date; actor?: Actor; after?: () => Promise<void>; env?: Record<string, string> }
  | { kind: 'refuse'; status: number; text: string; log?: string };

/** The action parameters the gate reads (Decap's proxy backend sends them; joi checks them later). */
export interface Params {
  branch?: string;
  collection?: string;
  slug?: string;
  newStatus?: string;
  dataFiles?: { path: string; slug: string; raw: string; newPath?: string }[];
  entry?: { path: string; slug: string; raw: string; newPath?: string };
  assets?: { path: string; content: string; encoding: string }[];
  asset?: { path: string; content: string; encoding: string };
  path?: string;
  paths?: string[];
  options?: { useWorkflow?: boolean; collectionName?: string };
}

export interface JudgeOptions {
  /** The portal's clone (decap-server's repository). */
  repo: string;
  clock: PortalClock;
  gate: GateFn;
  actor?: ActorOptions;
  log: (line: string) => void;
}

export { GUARDED_ACTIONS } from './request.js';

export function cmsBranch(collection: string, slug: string): string {
  return `cms/${collection}/${slug}`;
}

function touched(changes: readonly ChangedFile[]): string[] {
  return changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path]));
}

/** A 403 with its Vietnamese reason, logged as `what` refused to `login`. */
function refused(now: Date, login: string, what: string, text: string): Verdict {
  return { kind: 'refuse', status: 403, text, log: msg.logRefused(now, login, what, text) };
}

const bytes = (content: string, encoding: string) => Buffer.from(content, encoding as BufferEncoding);

export function createJudge(options: JudgeOptions): (action: string, params: Params) => Promise<Verdict> {
  const { repo, clock, gate, log } = options;

  async function registryAt(commit: string): Promise<{ source: ContentSource; registry: Registry }> {
    // A fresh reader per request: decap-server keeps writing objects into this repository.
    const source = gitSource(openGitRepo(repo), commit);
    return { source, registry: (await loadRegistry(source)).registry };
  }

  function decide(input: Omit<GateInput, 'author' | 'teams'>, actor: Actor): Promise<GateDecision> {
    return gate({ ...input, author: actor.login, teams: (login) => (login === actor.login ? actor.teams : []) });
  }

  /** The gate on merging a cms/ branch into main at `now`. */
  async function judgeBranch(main: string, branch: string, now: Date, withSendTime: boolean):
    Promise<{ refuse: Verdict & { kind: 'refuse' } } | { actor: Actor; head: string; decision: GateDecision; submittedAt?: Date }> {
    const [baseOid, headOid] = await Promise.all([resolveRef(repo, main), resolveRef(repo, branch)]);
    if (!baseOid || !headOid) return { refuse: { kind: 'refuse', status: 404, text: msg.noDraft(branch) } };
    // The same reading of a change `parindex gate` makes: merge base → head, judged as merged.
    const change = await openLocalChange(repo, baseOid, headOid);
    if (!change.changes.length) return { refuse: { kind: 'refuse', status: 409, text: msg.noChanges } };
    const { registry } = await loadRegistry(change.baseSource);
    const actor = resolveActor(registry.units, touched(change.changes), options.actor);
    const submittedAt = withSendTime ? await sendTimeFor(repo, branch, headOid) : undefined;
    const decision = await decide({
      base: change.baseSource, head: change.view, changes: change.changes, merge: change.merge, now,
      ...(submittedAt ? { submittedAt } : {}),
    }, actor);
    return { actor, head: headOid, decision, ...(submittedAt ? { submittedAt } : {}) };
  }

  /** The gate on writing files straight to main (no editorial workflow). */
  async function judgeDirect(main: string, written: Record<string, Uint8Array | string>, deleted: string[], now: Date): Promise<Verdict> {
    const baseOid = await resolveRef(repo, main);
    if (!baseOid) return { kind: 'pass' }; // decap-server answers a missing branch itself
    const { source: base, registry } = await registryAt(baseOid);
    const { changes, head } = await directWrite(base, written, deleted);
    const actor = resolveActor(registry.units, [...Object.keys(written), ...deleted], options.actor);
    const decision = await decide({ base, head, changes, now }, actor);
    if (!decision.allowed) {
      return refused(now, actor.login, msg.whatDirect, msg.writeRefused(decision.reasons));
    }
    return { kind: 'write', actor, now };
  }

  async function judgeDraft(main: string, p: Params, now: Date): Promise<Verdict> {
    const files = p.dataFiles ?? (p.entry ? [p.entry] : []);
    const assets = p.assets ?? [];
    if (!p.options?.useWorkflow) {
      const written: Record<string, Uint8Array | string> = {};
      for (const f of files) written[f.newPath ?? f.path] = f.raw;
      for (const a of assets) written[a.path] = bytes(a.content, a.encoding);
      return judgeDirect(main, written, files.filter((f) => f.newPath).map((f) => f.path), now);
    }
    const paths = [...files.flatMap((f) => (f.newPath ? [f.path, f.newPath] : [f.path])), ...assets.map((a) => a.path)];
    const branch = files[0] && p.options.collectionName ? cmsBranch(p.options.collectionName, files[0].slug) : null;
    const owned = await ownership(main, branch, paths, now, msg.whatDraft);
    if ('refuse' in owned) return owned.refuse;
    // Saving after "Gửi đi" changes what was sent: the send no longer applies.
    return { kind: 'write', actor: owned.actor, now, ...(branch ? { after: () => withdrawSend(repo, branch) } : {}) };
  }

  /**
   * Who acts on a draft branch, and whether they may: every file the request writes and every
   * file the branch already changes must be theirs (a save under another unit's slug, a status
   * change or a deletion of another unit's draft is refused).
   */
  async function ownership(main: string, branch: string | null, paths: readonly string[], now: Date, what: string):
    Promise<{ refuse: Verdict } | { actor: Actor }> {
    const baseOid = await resolveRef(repo, main);
    if (!baseOid) return { refuse: { kind: 'refuse', status: 404, text: msg.noDraft(main) } };
    const { registry } = await registryAt(baseOid);
    const headOid = branch ? await resolveRef(repo, branch) : null;
    const onBranch = headOid ? touched((await openLocalChange(repo, baseOid, headOid)).changes) : [];
    const all = [...new Set([...paths, ...onBranch])];
    const actor = resolveActor(registry.units, all, options.actor);
    const foreign = foreignPaths(actor, all, registry.units, registry.access);
    if (foreign.length) return { refuse: refused(now, actor.login, what, msg.foreignFiles(actor.login, foreign)) };
    if (!all.length && actor.source !== 'configured') return { refuse: refused(now, actor.login, what, msg.noOwner) };
    return { actor };
  }

  async function judgeSend(main: string, branch: string, now: Date): Promise<Verdict> {
    const judged = await judgeBranch(main, branch, now, false);
    if ('refuse' in judged) return judged.refuse;
    const { actor, head, decision } = judged;
    if (!decision.allowed) {
      return refused(now, actor.login, msg.whatSend(branch), msg.sendRefused(decision.reasons));
    }
    return {
      kind: 'write', actor, now,
      after: async () => {
        await recordSend(repo, branch, { at: now, head });
        log(msg.logSent(now, actor.login, branch));
      },
    };
  }

  async function judgeMerge(main: string, branch: string, now: Date): Promise<Verdict> {
    const judged = await judgeBranch(main, branch, now, true);
    if ('refuse' in judged) return judged.refuse;
    const { actor, decision, submittedAt, head } = judged;
    if (!decision.allowed) {
      return refused(now, actor.login, msg.whatMerge(branch), msg.publishRefused(decision.reasons));
    }
    return {
      kind: 'write', actor, now,
      // The clone's prepare-commit-msg hook (clone.ts) appends the send time and its seal; the
      // portal commits the merge as its clone's merge bot, the officer stays its author.
      ...(submittedAt ? { env: await mergeEnv(head, submittedAt) } : {}),
      after: async () => {
        log(msg.logPublished(now, actor.login, branch));
        for (const note of decision.notes) log(`  ${formatReason(note)}`);
      },
    };
  }

  async function mergeEnv(head: string, submittedAt: Date): Promise<Record<string, string>> {
    const { privateKey } = await ensureLocalSealKey(repo, PORTAL_MERGER.email);
    return {
      [MERGE_TRAILERS_ENV]: sealMerge({ mergedHeads: [head], submittedIso: toZonedIso(submittedAt), privateKey }),
      GIT_COMMITTER_NAME: PORTAL_MERGER.name, GIT_COMMITTER_EMAIL: PORTAL_MERGER.email,
    };
  }

  return async (action, p) => {
    const now = clock.now();
    const main = p.branch ?? '';
    const branch = p.collection && p.slug ? cmsBranch(p.collection, p.slug) : null;
    switch (action) {
      case 'persistEntry':
        return judgeDraft(main, p, now);
      case 'persistMedia':
        return p.asset ? judgeDirect(main, { [p.asset.path]: bytes(p.asset.content, p.asset.encoding) }, [], now) : refused(now, '—', msg.whatDirect, msg.badRequest);
      case 'deleteFile':
        return judgeDirect(main, {}, p.path ? [p.path] : [], now);
      case 'deleteFiles':
        return judgeDirect(main, {}, p.paths ?? [], now);
      case 'updateUnpublishedEntryStatus': {
        if (!branch) return refused(now, '—', msg.whatStatus(''), msg.badRequest);
        if (p.newStatus === 'pending_publish') return judgeSend(main, branch, now);
        const owned = await ownership(main, branch, [], now, msg.whatStatus(branch));
        if ('refuse' in owned) return owned.refuse;
        return { kind: 'write', actor: owned.actor, now, after: () => clearSend(repo, branch) };
      }
      case 'deleteUnpublishedEntry': {
        if (!branch) return refused(now, '—', msg.whatDelete(''), msg.badRequest);
        const owned = await ownership(main, branch, [], now, msg.whatDelete(branch));
        if ('refuse' in owned) return owned.refuse;
        return { kind: 'write', actor: owned.actor, now, after: () => clearSend(repo, branch) };
      }
      case 'publishUnpublishedEntry':
        return branch ? judgeMerge(main, branch, now) : refused(now, '—', msg.whatMerge(''), msg.badRequest);
      default:
        // request.ts lets only known actions through; one added there but not here is refused.
        return refused(now, '—', action, msg.unknownAction(action));
    }
  };
}
