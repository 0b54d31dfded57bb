// The gate: may this change (base → head, by this author, sent at this instant) enter the main
// branch? One pure function for CI (`parindex gate`), the PR checks and the local portal.
// Pure apart from the two ContentSources it reads: the clock and the send time come in.
//
// Order of judgement, each step adding reasons (all are reported, not only the first):
//   1. who: the author's role from the BASE registry (a change cannot grant itself rights);
//   2. where: every changed path (and the old path of a rename) must lie in the author's scope;
//   3. when: unit files follow the campaign clock at the effective instant (deadline.ts);
//   4. what: validation errors in the changed files, or new errors the change causes elsewhere.
// See docs/deadline-semantics.md for the time rules.
import type { ContentSource } from '../source.js';
import type { Finding } from '../findings.js';
import { loadRegistry } from '../validate/engine.js';
import { editPolicy, isOpen, selfAssessmentWindow, phaseWindows } from '../phases.js';
import type { Registry } from '../rules/types.js';
import { resolvePrincipal, type Role } from './principals.js';
import { scopeOf, type Scope } from './scope.js';
import { effectiveInstant } from './deadline.js';
import { explanationReasons } from './explanation.js';
import { validateChange } from './validation.js';
import { gateMessages as msg } from './messages.js';
import { canonicalPath, pathProblemMessage } from '../paths.js';

export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previousPath?: string;
  /** What the head holds when it is not a plain file (executable, symbolic link, submodule). */
  kind?: 'executable' | 'symlink' | 'gitlink';
  /** The entry's type changed (file ↔ executable ↔ link), also when its content did not. */
  modeChanged?: true;
}

/** How a merge was computed (io/git-change.ts): one merge base and no conflicting path is required. */
export interface MergeShape {
  bases: number;
  conflicts: string[];
}

export interface GateInput {
  base: ContentSource;
  head: ContentSource;
  changes: ChangedFile[];
  author: string;
  now: Date;
  submittedAt?: Date;
  /** Team slugs the author belongs to, when known. */
  teams?: (login: string) => string[];
  /** The merge that `changes` describe; absent for direct writes, which have no merge. */
  merge?: MergeShape;
}

export interface GateReason {
  rule: string;
  /** Vietnamese. */
  message: string;
  file?: string;
  line?: number;
  code?: string;
}

export interface GateDecision {
  allowed: boolean;
  role: Role;
  units: string[];
  /** Why the change is refused; empty when allowed. */
  reasons: GateReason[];
  /** Validation findings of the head for the changed files (and new errors elsewhere). */
  findings: Finding[];
  /** Facts worth showing that do not refuse (a late merge of an on-time send, …). */
  notes: GateReason[];
  /** The instant the change was judged at (ISO 8601, UTC). */
  judgedAt: string;
}

export { mergedView } from './view.js';
export { effectiveInstant } from './deadline.js';
export type { Role } from './principals.js';

const EDIT_KINDS = new Set(['self-assessment', 'explanation']);

function unitName(registry: Registry, id: string): string {
  return registry.units.get(id)?.name ?? `đơn vị “${id}”`;
}

export async function evaluateGate(input: GateInput): Promise<GateDecision> {
  const { base, head, changes, author, now } = input;
  const { registry } = await loadRegistry(base);
  const teams = input.teams?.(author) ?? [];
  const who = resolvePrincipal(author, teams, registry.units.values(), registry.access);
  const eff = effectiveInstant(now, input.submittedAt);
  const reasons: GateReason[] = [];
  const notes: GateReason[] = [];
  if (eff.ignored && input.submittedAt) notes.push({ rule: 'gate-submitted-ignored', message: msg.futureSubmission(input.submittedAt, now) });

  // 0. Shape: a merge git computes the same way everywhere, and only canonical paths of plain
  // files. Refused before ownership: a path that is not canonical has no trustworthy owner.
  if (input.merge && input.merge.bases > 1) reasons.push({ rule: 'gate-merge-shape', message: msg.crissCross(input.merge.bases) });
  for (const path of input.merge?.conflicts ?? []) reasons.push({ rule: 'gate-merge-conflict', message: msg.mergeConflict(path), file: path });
  const judged: ChangedFile[] = [];
  for (const c of changes) {
    const bad = [c.previousPath, c.path].flatMap((p) => {
      if (p === undefined) return [];
      const canon = canonicalPath(p);
      return canon.ok ? [] : [{ rule: 'gate-bad-path', message: pathProblemMessage(p, canon.problem) }];
    });
    if (bad.length) { reasons.push(...bad); continue; }
    if (c.kind === 'symlink' || c.kind === 'gitlink') {
      reasons.push({ rule: 'gate-special-entry', message: msg.specialEntry(c.path, c.kind), file: c.path });
      continue;
    }
    const scope = scopeOf(c.path).kind;
    if ((c.kind || c.modeChanged) && (scope !== 'platform' || !who.admin)) {
      reasons.push({ rule: 'gate-mode-change', message: msg.modeChange(c.path), file: c.path });
      continue;
    }
    judged.push(c);
  }

  // 1–2. Who and where.
  const unitGroups = new Map<string, { year: number; unit: string; changes: ChangedFile[] }>();
  if (who.role === 'unknown' && changes.length) {
    reasons.push({ rule: 'gate-unknown-author', message: msg.unknownAuthor(author) });
  } else {
    for (const c of judged) {
      const scopes: [string, Scope][] = [[c.path, scopeOf(c.path)]];
      if (c.previousPath && c.previousPath !== c.path) scopes.unshift([c.previousPath, scopeOf(c.previousPath)]);
      if (scopes.length === 2) {
        const [[fromPath, from], [toPath, to]] = scopes as [[string, Scope], [string, Scope]];
        if (from.kind === 'unit-file' || to.kind === 'unit-file') {
          const fromUnit = from.kind === 'unit-file' ? from.unit : null;
          const toUnit = to.kind === 'unit-file' ? to.unit : null;
          if (fromUnit !== toUnit) {
            reasons.push({ rule: 'gate-cross-unit-move', message: msg.crossUnitMove(fromPath, toPath), file: toPath });
            continue;
          }
          if (from.kind === 'unit-file' && to.kind === 'unit-file' && from.year !== to.year) {
            reasons.push({ rule: 'gate-cross-unit-move', message: msg.crossYearMove(fromPath, toPath), file: toPath });
            continue;
          }
        }
      }
      for (const [path, scope] of scopes) {
        switch (scope.kind) {
          case 'unit-file': {
            if (who.units.includes(scope.unit)) {
              const k = `${scope.year}/${scope.unit}`;
              const g = unitGroups.get(k) ?? { year: scope.year, unit: scope.unit, changes: [] };
              if (!g.changes.includes(c)) g.changes.push(c);
              unitGroups.set(k, g);
            } else if (who.admin) {
              // Admins seed blank forms or migrate codes before the window opens; from then on
              // the file is the unit's record (docs/deadline-semantics.md).
              const campaign = registry.campaigns.get(scope.year);
              const win = campaign && selfAssessmentWindow(campaign);
              if (win && eff.at.getTime() >= win.start.getTime()) {
                reasons.push({ rule: 'gate-admin-unit-file', message: msg.adminUnitFile(path, win.start, campaign.timezone), file: path });
              }
            } else {
              reasons.push({ rule: 'gate-not-owner', message: msg.notOwner(path, unitName(registry, scope.unit)), file: path });
            }
            break;
          }
          case 'council':
            if (!who.council) reasons.push({ rule: 'gate-council-only', message: msg.councilOnly(path), file: path });
            break;
          case 'registry':
          case 'platform':
            if (!who.admin) reasons.push({ rule: 'gate-admin-only', message: msg.adminOnly(path), file: path });
            else if (scope.kind === 'registry' && anyEditWindowOpen(registry, eff.at)) {
              notes.push({ rule: 'gate-admin-during-window', message: msg.adminDuringWindow(path), file: path });
            }
            break;
        }
      }
    }
  }

  // 3. When: the campaign clock of the BASE (a change cannot reopen its own window).
  for (const g of unitGroups.values()) {
    const campaign = registry.campaigns.get(g.year);
    const file = g.changes[0]!.path;
    if (!campaign) {
      reasons.push({ rule: 'gate-no-campaign', message: msg.noCampaign(g.year), file });
      continue;
    }
    const policy = editPolicy(campaign, eff.at);
    if (policy.mode === 'self-assessment') {
      if (eff.submitted && now.getTime() >= policy.window.end.getTime() && input.submittedAt) {
        notes.push({ rule: 'gate-late-merge', message: msg.lateMerge(input.submittedAt, now, campaign.timezone) });
      }
      continue;
    }
    if (policy.mode === 'explanation') {
      if (eff.submitted && now.getTime() >= policy.window.end.getTime() && input.submittedAt) {
        notes.push({ rule: 'gate-late-merge', message: msg.lateMerge(input.submittedAt, now, campaign.timezone) });
      }
      reasons.push(...await explanationReasons({ base, head, registry, year: g.year, unit: g.unit, round: policy.round, changes: g.changes }));
      continue;
    }
    const { next, last } = policy;
    if (last && (!next || eff.at.getTime() >= last.end.getTime())) {
      reasons.push({ rule: 'gate-window-closed', message: msg.closedAfter(g.year, last.phase.name, last.end, eff.at, eff.submitted, campaign.timezone), file });
    } else if (next) {
      reasons.push({ rule: 'gate-window-closed', message: msg.notYetOpen(g.year, next.phase.name, next.start, campaign.timezone), file });
    } else {
      reasons.push({ rule: 'gate-window-closed', message: msg.closedNoWindow(g.year), file });
    }
  }

  // 4. What: validation of the head.
  const validation = judged.length ? await validateChange(base, head, judged) : { findings: [], reasons: [] };
  reasons.push(...validation.reasons);

  return {
    allowed: reasons.length === 0,
    role: who.role,
    units: who.units,
    reasons,
    findings: validation.findings,
    notes,
    judgedAt: eff.at.toISOString(),
  };
}

function anyEditWindowOpen(registry: Registry, at: Date): boolean {
  for (const c of registry.campaigns.values()) {
    for (const w of phaseWindows(c)) {
      if (EDIT_KINDS.has(w.phase.kind) && isOpen(w, at)) return true;
    }
  }
  return false;
}
