// A merge that records the send time (trailer written and sealed by the merge bot, seal.ts)
// arrives at the send time: history agrees with the gate that a send at 16:59:50 merged at
// 17:00:20 is on time. tests/history/seal.test.ts covers the trailers that are not trusted.
import { describe, expect, it } from 'vitest';
import { arrivalTimes, lastArrivalIndex } from '../../scripts/core/history/times.js';
import { parseMergeMessage, submittedTrailer } from '../../scripts/core/history/messages.js';
import type { CommitMeta } from '../../scripts/core/history/walk.js';
import { generateSealKeyPair, loadSealPrivateKey, sealMerge, sealTrust } from '../../scripts/core/history/seal.js';

const keys = generateSealKeyPair();
const trust = sealTrust(['parindex-bot[bot]'], [keys.publicKey]);
const sealed = (iso: string) => sealMerge({ mergedHeads: ['p1'], submittedIso: iso, privateKey: loadSealPrivateKey(keys.privateKeyPem) });

const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
function commit(oid: string, iso: string, message: string, parents = 1): CommitMeta {
  const bot = { name: 'parindex-bot[bot]', email: 'x', timestamp: at(iso), tz: '+0700' };
  return { oid, parents: Array.from({ length: parents }, (_, i) => `p${i}`), message, author: bot, committer: bot } as unknown as CommitMeta;
}

describe('send-time trailer', () => {
  it('is honoured on merge commits only, and only to move a time earlier', async () => {
    const chain = [
      commit('a', '2023-11-17T16:00:00+07:00', 'Gửi bài'),
      commit('b', '2023-11-17T17:00:20+07:00', `Merge branch 'cms/x'\n\n${sealed('2023-11-17T16:59:50+07:00')}`, 2),
      commit('c', '2023-11-17T17:05:00+07:00', `Sửa\n\n${submittedTrailer('2023-11-17T16:00:00+07:00')}`),
      commit('d', '2023-11-17T17:10:00+07:00', `Merge branch 'cms/y'\n\n${sealed('2023-11-17T18:00:00+07:00')}`, 2),
    ];
    const arrivals = await arrivalTimes(chain, undefined, trust);
    expect(arrivals.map((a) => [a.oid, a.time.toISOString(), a.source])).toEqual([
      ['a', '2023-11-17T09:00:00.000Z', 'committer'],
      ['b', '2023-11-17T09:59:50.000Z', 'submitted'],
      ['c', '2023-11-17T10:05:00.000Z', 'committer'],
      ['d', '2023-11-17T10:10:00.000Z', 'committer'],
    ]);
    // The 17:00 lock snapshot includes the on-time send merged at 17:00:20.
    expect(lastArrivalIndex(arrivals, new Date('2023-11-17T10:00:00Z'), true)).toBe(1);
  });
  it('ignores a trailer without an offset', () => {
    expect(parseMergeMessage(`Merge branch 'x'\n\nParindex-Submitted-At: 2023-11-17T16:59:50`, 2).submittedAt).toBeUndefined();
    expect(parseMergeMessage(`Merge branch 'x'\n\nParindex-Submitted-At: 2023-11-17T16:59:50+07:00`, 2).submittedAt?.toISOString()).toBe('2023-11-17T09:59:50.000Z');
  });
});
