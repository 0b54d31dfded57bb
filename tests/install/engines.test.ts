import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (name: string): any => JSON.parse(readFileSync(root + name, 'utf8'));

// The README promises "Node 20.19+, 22.12+ or 24" and CI runs Node 20: the lowest release of each
// promised line must satisfy every installed package, or `npm ci` warns (EBADENGINE) and the
// package may use APIs Node 20 lacks. How the offenders were pinned: docs/dependencies.md.
const PROMISED = ['20.19.0', '22.12.0', '24.0.0'];

describe('dependency engines', () => {
  it('the project itself admits every promised Node', () => {
    const range = readJson('package.json').engines.node;
    for (const v of PROMISED) expect(semver.satisfies(v, range), `${v} vs ${range}`).toBe(true);
  });

  it('every package-lock entry admits every promised Node', () => {
    const lock = readJson('package-lock.json');
    const excluded: string[] = [];
    for (const [path, entry] of Object.entries<any>(lock.packages)) {
      const range = entry.engines?.node;
      if (typeof range !== 'string' || path === '') continue;
      const misses = PROMISED.filter((v) => !semver.satisfies(v, range));
      if (misses.length > 0) excluded.push(`${path}@${entry.version} engines.node "${range}" excludes ${misses.join(', ')}`);
    }
    expect(excluded).toEqual([]);
  });
});
