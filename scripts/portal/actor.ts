// Who is acting. The local portal has no login: either the developer names a GitHub login
// (PARINDEX_USER, with PARINDEX_TEAMS for team-based access), or the portal acts as the officer
// of the unit whose files are being written — the first login listed in that unit's `github`,
// or, for a unit managed by team only, a stand-in login that belongs to that team. The gate
// then applies exactly the ownership rules CI applies to that login.
import { classifyPath } from '../core/kinds.js';
import type { Access, Unit } from '../core/model.js';
import { resolvePrincipal } from '../core/gate/principals.js';
import { scopeOf } from '../core/gate/scope.js';

export interface Actor {
  login: string;
  teams: string[];
  /** How the login was chosen, for the terminal log. */
  source: 'configured' | 'unit-officer' | 'nobody';
  /** The unit the portal acts for, when chosen from the files. */
  unit?: string;
}

/** Login used when nothing identifies an officer: it owns nothing, so the gate refuses. */
export const NOBODY = 'portal-khach';

/** Stand-in login for a team-only unit; valid as a GitHub login so the gate's checks accept it. */
export function teamStandIn(unitId: string): string {
  return `can-bo-${unitId}`.slice(0, 39).replace(/-+$/, '');
}

export interface ActorOptions {
  /** PARINDEX_USER */
  user?: string;
  /** PARINDEX_TEAMS (comma separated team slugs) */
  teams?: string[];
}

export function resolveActor(units: ReadonlyMap<string, Unit>, paths: readonly string[], options: ActorOptions = {}): Actor {
  if (options.user) return { login: options.user, teams: options.teams ?? [], source: 'configured' };
  // The self-assessment names the entry; evidence alone (a media upload) names it too.
  const ordered = [...paths].sort((a, b) => rank(a) - rank(b));
  for (const path of ordered) {
    const scope = scopeOf(path);
    const unit = scope.kind === 'unit-file' ? units.get(scope.unit) : undefined;
    if (!unit) continue;
    const login = unit.github.users?.[0];
    if (login) return { login, teams: unit.github.team ? [unit.github.team] : [], source: 'unit-officer', unit: unit.id };
    if (unit.github.team) return { login: teamStandIn(unit.id), teams: [unit.github.team], source: 'unit-officer', unit: unit.id };
  }
  return { login: NOBODY, teams: [], source: 'nobody' };
}

function rank(path: string): number {
  return classifyPath(path)?.kind === 'self-assessment' ? 0 : 1;
}

/**
 * Paths a draft may not write for this actor, by the gate's own scopes and principals. Drafts
 * live on cms/ branches, so only ownership applies here; the clock and the rules apply when
 * the entry is sent and merged.
 */
export function foreignPaths(actor: Actor, paths: readonly string[], units: ReadonlyMap<string, Unit>, access: Access | undefined): string[] {
  const who = resolvePrincipal(actor.login, actor.teams, units.values(), access);
  return paths.filter((p) => {
    const scope = scopeOf(p);
    switch (scope.kind) {
      case 'unit-file': return !who.units.includes(scope.unit) && !who.admin;
      case 'council': return !who.council;
      default: return !who.admin;
    }
  });
}
