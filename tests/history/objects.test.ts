// Byte-level tree handling: deriving a tree's entry boundaries from a similar tree must give
// exactly what a full parse gives, and the one-level diff must be the true difference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  applyDelta, deriveTree, findEntry, parseCommit, parseTree, treeEntries, type TreeEntry,
} from '../../scripts/core/history/objects.js';
import { parseMergeMessage } from '../../scripts/core/history/messages.js';
import { arrivalTimes, lastArrivalIndex } from '../../scripts/core/history/times.js';
import { mergeTimesFromPulls } from '../../scripts/core/history/github.js';
import type { CommitMeta } from '../../scripts/core/history/walk.js';

/** Git's tree order: names compared as bytes, folders as if followed by "/". */
function sortKey(e: TreeEntry): Buffer {
  return Buffer.from(e.mode === '40000' ? `${e.name}/` : e.name, 'utf8');
}

function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  return Buffer.concat(sorted.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.oid, 'hex')])));
}

const oidOf = (s: string) => createHash('sha1').update(s).digest('hex');

// Names and oids drawn so that entries often share prefixes, and oid bytes include 0x00 and 0x20.
const nameArb = fc.constantFrom('a', 'a.b', 'a-b', 'ab', 'b', 'so-noi-vu.yaml', 'so-noi-vu', 'so-noi-vu.yml', 'z', 'đơn-vị.yaml', 'x0', 'x00', 'x1');
const entryArb = fc.record({
  name: nameArb,
  mode: fc.constantFrom('100644', '40000', '100755'),
  oid: fc.constantFrom(oidOf('1'), oidOf('2'), '00200020002000200020002000200020002000ff', 'ffffffffffffffffffffffffffffffffffff0000'),
});
function uniqueEntries(list: TreeEntry[]): TreeEntry[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.mode === '40000'}|${e.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

describe('tree bytes', () => {
  it('derives the same boundaries and the true diff as a full parse (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 12 }), fc.array(entryArb, { maxLength: 12 }), (xs, ys) => {
      const a = uniqueEntries(xs);
      const b = uniqueEntries(ys);
      const ta = parseTree('a', encodeTree(a));
      const bufB = encodeTree(b);
      const { tree, changes } = deriveTree(ta, 'b', bufB);
      const full = parseTree('b', bufB);
      expect([...tree.bounds]).toEqual([...full.bounds]);
      expect(treeEntries(tree)).toEqual(treeEntries(full));
      const key = (e: TreeEntry) => `${e.mode === '40000' ? 'd' : 'f'}${e.name}`;
      const before = new Map(treeEntries(ta).map((e) => [key(e), e]));
      const after = new Map(treeEntries(full).map((e) => [key(e), e]));
      const expected = [...new Set([...before.keys(), ...after.keys()])]
        .filter((k) => before.get(k)?.oid !== after.get(k)?.oid || before.get(k)?.mode !== after.get(k)?.mode)
        .map((k) => `${k}:${before.get(k)?.oid ?? '-'}>${after.get(k)?.oid ?? '-'}`).sort();
      expect(changes.map((c) => `${key((c.after ?? c.before)!)}:${c.before?.oid ?? '-'}>${c.after?.oid ?? '-'}`).sort()).toEqual(expected);
    }), { numRuns: 2000 });
  });

  it('handles a one-entry change in a 4,000-entry folder', () => {
    const entries = Array.from({ length: 4000 }, (_, i) => ({ mode: '100644', name: `don-vi-${String(i).padStart(4, '0')}.yaml`, oid: oidOf(String(i)) }));
    const ta = parseTree('a', encodeTree(entries));
    const changed = entries.map((e, i) => (i === 2345 ? { ...e, oid: oidOf('new') } : e));
    changed.splice(10, 1);
    changed.push({ mode: '100644', name: 'zz.yaml', oid: oidOf('zz') });
    const { tree, changes } = deriveTree(ta, 'b', encodeTree(changed));
    expect(tree.bounds.length).toBe(4001);
    expect(changes.map((c) => [c.name, c.before?.oid ?? null, c.after?.oid ?? null])).toEqual([
      ['don-vi-0010.yaml', oidOf('10'), null],
      ['don-vi-2345.yaml', oidOf('2345'), oidOf('new')],
      ['zz.yaml', null, oidOf('zz')],
    ]);
  });

  it('finds entries by name in git order, telling files from folders', () => {
    const t = parseTree('t', encodeTree([
      { mode: '100644', name: 'a.b', oid: oidOf('1') },
      { mode: '40000', name: 'a', oid: oidOf('2') },
      { mode: '100644', name: 'a-b', oid: oidOf('3') },
      { mode: '100644', name: 'a0', oid: oidOf('4') },
      { mode: '40000', name: 'content', oid: oidOf('5') },
      { mode: '100644', name: 'content.yaml', oid: oidOf('6') },
    ]));
    expect(treeEntries(t).map((e) => e.name)).toEqual(['a-b', 'a.b', 'a', 'a0', 'content.yaml', 'content']);
    expect(findEntry(t, 'a', 'tree')?.oid).toBe(oidOf('2'));
    expect(findEntry(t, 'a', 'blob')).toBeNull();
    expect(findEntry(t, 'a0')?.oid).toBe(oidOf('4'));
    expect(findEntry(t, 'content')?.oid).toBe(oidOf('5'));
    expect(findEntry(t, 'content.yaml', 'blob')?.oid).toBe(oidOf('6'));
    expect(findEntry(t, 'b')).toBeNull();
    expect(findEntry(parseTree('e', Buffer.alloc(0)), 'a')).toBeNull();
  });

  it('applies a git delta (copy and insert instructions)', () => {
    const base = Buffer.from('0123456789abcdef');
    // src size 16, dst size 9: copy offset 2 len 4 ("2345"), insert "XYZ", copy offset 14 len 2 ("ef").
    const delta = Buffer.from([16, 9, 0x91, 2, 4, 3, 0x58, 0x59, 0x5a, 0x91, 14, 2]);
    expect(applyDelta(delta, base).toString()).toBe('2345XYZef');
    expect(() => applyDelta(Buffer.from([15, 1, 1, 0x41]), base)).toThrow(/base size/);
  });

  it('parses commits with signatures and odd names', () => {
    const text = [
      'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      `parent ${oidOf('p1')}`,
      `parent ${oidOf('p2')}`,
      'author Nguyễn <Văn> A <a@x.vn> 1700215199 +0700',
      'committer GitHub <noreply@github.com> 1700215200 +0000',
      'gpgsig -----BEGIN PGP SIGNATURE-----',
      ' abc',
      ' -----END PGP SIGNATURE-----',
      '',
      'Merge pull request #12 from org/cms/x',
      '',
      'Body',
    ].join('\n');
    const c = parseCommit('x', Buffer.from(text));
    expect(c.parents).toEqual([oidOf('p1'), oidOf('p2')]);
    expect(c.author).toEqual({ name: 'Nguyễn <Văn> A', email: 'a@x.vn', timestamp: 1700215199, tz: '+0700' });
    expect(c.committer.timestamp).toBe(1700215200);
    expect(c.message).toBe('Merge pull request #12 from org/cms/x\n\nBody');
  });
});

describe('where a change came from', () => {
  it('reads pull requests and branches from merge messages', () => {
    expect(parseMergeMessage('Merge pull request #12 from so-noi-vu/cms/self-assessments/so-noi-vu\n\nx', 2))
      .toEqual({ kind: 'pull-request-merge', pr: 12, branch: 'cms/self-assessments/so-noi-vu' });
    expect(parseMergeMessage('Cập nhật điểm tiêu chí 1.1 (#34)', 1)).toEqual({ kind: 'squash-merge', pr: 34, branch: null });
    expect(parseMergeMessage("Merge branch 'cms/self-assessments/so-tu-phap'", 2)).toEqual({ kind: 'branch-merge', pr: null, branch: 'cms/self-assessments/so-tu-phap' });
    expect(parseMergeMessage("Merge remote-tracking branch 'origin/main' into x", 2)).toEqual({ kind: 'branch-merge', pr: null, branch: 'main' });
    expect(parseMergeMessage('Merge something else', 2)).toEqual({ kind: 'merge', pr: null, branch: null });
    expect(parseMergeMessage('Sửa lỗi (#12) trong giải trình', 1)).toEqual({ kind: 'direct', pr: null, branch: null });
  });

  const meta = (oid: string, ts: number, message: string, parents = 1): CommitMeta => ({
    oid, tree: oidOf('t'), parents: Array.from({ length: parents }, (_, i) => oidOf(`${oid}${i}`)),
    author: { name: 'A', email: 'a@x', timestamp: ts, tz: '+0700' },
    committer: { name: 'A', email: 'a@x', timestamp: ts, tz: '+0700' },
    message,
  });

  it('prefers the server time, and never lets a commit arrive before its parent', async () => {
    const chain = [
      meta('c1', 1000, 'first'),
      meta('c2', 2000, 'Merge pull request #7 from o/b', 2),
      meta('c3', 1500, 'backdated direct push'),
      meta('c4', 3000, 'Squash (#8)'),
    ];
    const lookup = mergeTimesFromPulls(async () => [
      { number: 7, merged_at: '1970-01-01T00:41:40Z', merge_commit_sha: 'c2' }, // 2500 s
      { number: 8, merged_at: '1970-01-01T01:00:00Z', merge_commit_sha: 'someone-else' },
    ]);
    const arrivals = await arrivalTimes(chain, lookup);
    expect(arrivals.map((a) => [a.time.getTime() / 1000, a.source])).toEqual([
      [1000, 'committer'], [2500, 'github'], [2500, 'inherited'], [3000, 'committer'],
    ]);
    expect(arrivals[2]!.committedAt.getTime()).toBe(1500_000);
    // The backdated commit does not enter a snapshot taken before its parent arrived.
    expect(lastArrivalIndex(arrivals, new Date(1600_000))).toBe(0);
    expect(lastArrivalIndex(arrivals, new Date(2500_000))).toBe(2);
    expect(lastArrivalIndex(arrivals, new Date(2500_000), true)).toBe(0);
    expect(lastArrivalIndex(arrivals, new Date(0))).toBe(-1);
    expect(lastArrivalIndex(arrivals, new Date(9e12))).toBe(3);
  });

  it('falls back to committer times when GitHub cannot be reached, and says so once', async () => {
    const errors: string[] = [];
    const lookup = mergeTimesFromPulls(async () => { throw new Error('401 Bad credentials'); }, (e) => errors.push(e.message));
    const arrivals = await arrivalTimes([meta('c1', 1000, 'A (#1)'), meta('c2', 2000, 'B (#2)')], lookup);
    expect(arrivals.map((a) => a.source)).toEqual(['committer', 'committer']);
    expect(errors).toEqual(['401 Bad credentials']);
  });
});

describe('zoned times', () => {
  it('formats like toZonedIso, for any instant', async () => {
    const { zonedIsoFormatter } = await import('../../scripts/core/history/timeline.js');
    const { toZonedIso } = await import('../../scripts/core/time.js');
    const vn = zonedIsoFormatter();
    const paris = zonedIsoFormatter('Europe/Paris');
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
      const d = new Date(Math.floor(t / 1000) * 1000);
      expect(vn(d)).toBe(toZonedIso(d));
      expect(paris(d)).toBe(toZonedIso(d, 'Europe/Paris'));
    }), { numRuns: 3000 });
    expect(vn(new Date('2023-11-17T10:00:00Z'))).toBe('2023-11-17T17:00:00+07:00');
  });
});
