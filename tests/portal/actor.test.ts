// Who the portal acts as, and which draft paths that login may not write.
import { describe, expect, it } from 'vitest';
import { foreignPaths, NOBODY, resolveActor, teamStandIn } from '../../scripts/portal/actor.js';
import type { Access, Unit } from '../../scripts/core/model.js';

const unit = (id: string, github: Unit['github']): Unit =>
  ({ id, name: id, shortName: id, group: 'so-ban-nganh', github, activeFrom: '2010-01-01' }) as Unit;
const units = new Map<string, Unit>([
  ['so-a', unit('so-a', { users: ['officer-a', 'officer-a2'], team: 'so-a' })],
  ['so-b', unit('so-b', { team: 'org/so-b' })],
]);
const access: Access = { admins: { users: ['admin-snv'] }, council: { team: 'hoi-dong' } };

describe('the acting officer', () => {
  it('is the first login of the unit whose self-assessment is written, before evidence of another', () => {
    const actor = resolveActor(units, ['content/evidence/2023/so-b/x.pdf', 'content/self-assessments/2023/so-a.yaml']);
    expect(actor).toMatchObject({ login: 'officer-a', teams: ['so-a'], source: 'unit-officer', unit: 'so-a' });
    expect(foreignPaths(actor, ['content/self-assessments/2023/so-a.yaml', 'content/evidence/2023/so-b/x.pdf'], units, access))
      .toEqual(['content/evidence/2023/so-b/x.pdf']);
  });

  it('stands in for a team-only unit with a login of that team', () => {
    const actor = resolveActor(units, ['content/evidence/2023/so-b/y.pdf']);
    expect(actor).toMatchObject({ login: teamStandIn('so-b'), teams: ['org/so-b'] });
    expect(foreignPaths(actor, ['content/evidence/2023/so-b/y.pdf'], units, access)).toEqual([]);
  });

  it('owns nothing when no unit is named, and registry files belong to admins only', () => {
    const nobody = resolveActor(units, ['content/frameworks/fw.yaml']);
    expect(nobody.login).toBe(NOBODY);
    expect(foreignPaths(nobody, ['content/frameworks/fw.yaml'], units, access)).toEqual(['content/frameworks/fw.yaml']);
    const admin = resolveActor(units, ['content/frameworks/fw.yaml'], { user: 'admin-snv' });
    expect(admin).toMatchObject({ login: 'admin-snv', source: 'configured' });
    expect(foreignPaths(admin, ['content/frameworks/fw.yaml', 'content/self-assessments/2023/so-a.yaml'], units, access)).toEqual([]);
    const council = resolveActor(units, [], { user: 'someone', teams: ['hoi-dong'] });
    expect(foreignPaths(council, ['content/appraisals/2023/so-a.yaml', 'content/units/so-a.yaml'], units, access))
      .toEqual(['content/units/so-a.yaml']);
  });
});
