// Who the author is, according to the registry on the BASE side of a change: a change cannot
// grant its own author rights by editing content/units/ or content/access.yaml in the same
// pull request. Logins compare case-insensitively (GitHub's rule); a team written "org/slug"
// matches "slug" because one repository belongs to one organisation.
import type { Access, Unit } from '../model.js';

export type Role = 'admin' | 'council' | 'unit' | 'unknown';

export interface Principal {
  login: string;
  admin: boolean;
  council: boolean;
  /** Units whose self-assessment and evidence the author may write, sorted. */
  units: string[];
  /** The highest role held, for display: admin > council > unit. */
  role: Role;
}

type Principals = { team?: string; users?: string[] } | undefined;

export function teamTail(team: string): string {
  return team.toLowerCase().split('/').pop() ?? '';
}

export function memberOf(login: string, teams: readonly string[], p: Principals): boolean {
  if (!p) return false;
  const l = login.toLowerCase();
  if ((p.users ?? []).some((u) => u.toLowerCase() === l)) return true;
  return p.team !== undefined && teams.some((t) => teamTail(t) === teamTail(p.team!));
}

export function resolvePrincipal(login: string, teams: readonly string[], units: Iterable<Unit>, access: Access | undefined): Principal {
  const admin = memberOf(login, teams, access?.admins);
  const council = memberOf(login, teams, access?.council);
  const owned: string[] = [];
  for (const unit of units) if (memberOf(login, teams, unit.github)) owned.push(unit.id);
  owned.sort();
  const role: Role = admin ? 'admin' : council ? 'council' : owned.length ? 'unit' : 'unknown';
  return { login, admin, council, units: owned, role };
}
