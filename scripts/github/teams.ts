// Team membership for the gate, asked of GitHub once per (author, team named in the registry).
// Needs a token with organisation Members: read, which the workflow GITHUB_TOKEN never has
// (platform notes): CI passes PARINDEX_MEMBERS_TOKEN when the province configured one, else the
// gate falls back to the users listed in the registry.
import type { ContentSource } from '../core/source.js';
import { loadRegistry } from '../core/validate/engine.js';
import { teamTail } from '../core/gate/principals.js';
import { githubFromEnv, parseRepository, statusOf, type GitHub } from './client.js';

export function registryTeams(units: Iterable<{ github: { team?: string } }>, access?: { admins?: { team?: string }; council?: { team?: string } }): string[] {
  const out = new Set<string>();
  for (const u of units) if (u.github.team) out.add(teamTail(u.github.team));
  for (const p of [access?.admins, access?.council]) if (p?.team) out.add(teamTail(p.team));
  return [...out].sort();
}

/** Which of `teams` each login is an active member of. */
export async function teamMemberships(gh: GitHub, org: string, logins: string[], teams: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const login of logins) {
    const member: string[] = [];
    for (const team of teams) {
      try {
        const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: team, username: login });
        if (data.state === 'active') member.push(team);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    out.set(login.toLowerCase(), member);
  }
  return out;
}

export async function githubTeamLookup(env: Record<string, string | undefined>, base: ContentSource, logins: string[],
  warn: (message: string) => void): Promise<((login: string) => string[]) | null> {
  const gh = githubFromEnv(env, ['PARINDEX_MEMBERS_TOKEN'], false);
  const repo = parseRepository(env.GITHUB_REPOSITORY);
  if (!gh || !repo) {
    warn('Không tra được nhóm (team) trên GitHub (thiếu PARINDEX_MEMBERS_TOKEN hoặc GITHUB_REPOSITORY): chỉ xét tài khoản ghi trong danh mục.');
    return null;
  }
  const { registry } = await loadRegistry(base);
  const teams = registryTeams(registry.units.values(), registry.access);
  try {
    const map = await teamMemberships(gh, repo.owner, logins, teams);
    return (login) => map.get(login.toLowerCase()) ?? [];
  } catch (error) {
    warn(`Không tra được nhóm (team) trên GitHub: ${(error as Error).message}. Chỉ xét tài khoản ghi trong danh mục.`);
    return null;
  }
}
