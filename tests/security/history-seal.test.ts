// Issue 11: history trusts a `Parindex-Submitted-At` trailer only on a merge made by the merge
// bot AND sealed with a key the repository lists. Real git repositories, real merges.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALICE, CAMPAIGN_2023, GitFixture, selfAssessment, type Who } from '../history/fixture.js';
import { openHistory, openSnapshot } from '../../scripts/core/history/index.js';
import { generateSealKeyPair, loadSealPrivateKey, sealMerge, verifySeal, sealTrust, parseSealKey } from '../../scripts/core/history/seal.js';
import { submittedTrailer } from '../../scripts/core/history/messages.js';
import { run as auditCli } from '../../scripts/cli/audit.js';

const BOT: Who = { name: 'parindex-bot[bot]', email: '41898282+parindex-bot[bot]@users.noreply.github.com' };
const GITHUB: Who = { name: 'GitHub', email: 'noreply@github.com' };
const ADMIN: Who = { name: 'admin-snv', email: 'admin@sonoivu.gov.vn' };
const SA = 'content/self-assessments/2023/don-vi-a.yaml';
const SENT = '2023-11-17T16:59:50+07:00';
const MERGED = '2023-11-17T17:00:20+07:00';
const LOCK = new Date('2023-11-17T17:00:00+07:00');

const fixtures: GitFixture[] = [];
afterEach(() => { for (const f of fixtures.splice(0)) f.cleanup(); });

/**
 * main with access.yaml (merge bot + keys) and a campaign; branch cms/don-vi-a with the unit's
 * send; returns the fixture and the branch head, main checked out.
 */
function repo(accessKeys: string[]): { f: GitFixture; head: string } {
  const f = new GitFixture();
  fixtures.push(f);
  f.write('content/campaigns/2023.yaml', CAMPAIGN_2023);
  f.write('content/access.yaml', `admins:\n  users: [admin-snv]\ncouncil:\n  users: [council-1]\nmergeBot: parindex-bot[bot]\n${accessKeys.length ? `mergeBotKeys:\n${accessKeys.map((k) => `  - "${k}"`).join('\n')}\n` : ''}`);
  f.commit('Khởi tạo', '2023-11-01T08:00:00+07:00', ADMIN);
  f.git(['checkout', '-q', '-b', 'cms/don-vi-a']);
  f.write(SA, selfAssessment('don-vi-a', [{ code: '1.1.1', score: 1 }]));
  const head = f.commit('Cập nhật bảng tự chấm', '2023-11-17T16:59:00+07:00', ALICE);
  f.git(['checkout', '-q', 'main']);
  return { f, head };
}

async function lockSnapshot(f: GitFixture) {
  return openSnapshot(f.dir, LOCK, { strict: true, cacheDir: null });
}

describe('send-time seal', () => {
  it('trusts the merge bot’s sealed trailer: an on-time send merged at 17:00:20 is in the 17:00 snapshot', async () => {
    const keys = generateSealKeyPair();
    const { f, head } = repo([keys.publicKey]);
    const trailers = sealMerge({ mergedHeads: [head], submittedIso: SENT, privateKey: loadSealPrivateKey(keys.privateKeyPem) });
    const merge = f.merge('cms/don-vi-a', `Merge pull request #7 from so-noi-vu-tn/cms/don-vi-a\n\nBài gửi đúng hạn.\n\n${trailers}`, MERGED, GITHUB, BOT);
    expect(await lockSnapshot(f)).toMatchObject({ status: 'ok', commit: merge, timeSource: 'submitted' });
  });

  it('ignores the same trailer on a merge an admin made past the lock, and the audit says so', async () => {
    const keys = generateSealKeyPair();
    const { f } = repo([keys.publicKey]);
    const merge = f.merge('cms/don-vi-a', `Merge pull request #7 from so-noi-vu-tn/cms/don-vi-a\n\n${submittedTrailer(SENT)}`, MERGED, GITHUB, ADMIN);
    const snap = await lockSnapshot(f);
    expect(snap.status === 'ok' && snap.commit).not.toBe(merge);
    const history = await openHistory(f.dir, { cacheDir: null });
    const log = await history.audit({ year: 2023, unit: 'don-vi-a' });
    const entry = log.entries.find((e) => e.sha === merge)!;
    expect(entry).toMatchObject({ timeSource: 'committer', afterLock: true,
      ignoredSendTime: { claimed: SENT, reason: 'commit gộp không do tài khoản máy nhập (mergeBot) tạo' } });
    let out = '';
    const code = await auditCli(['--no-cache', '--year', '2023', '--unit', 'don-vi-a'],
      { root: f.dir, env: {}, out: (t) => { out += t; }, err: (t) => { out += t; }, now: () => new Date('2023-11-20T08:00:00+07:00') });
    expect(code).toBe(0);
    expect(out).toContain('⚠ bỏ qua thời điểm gửi ghi trong commit (17/11/2023 16:59:50): commit gộp không do tài khoản máy nhập (mergeBot) tạo; dùng giờ commit');
  });

  it('ignores a trailer the bot wrote without a seal, with a key nobody listed, or with a seal copied from another merge', async () => {
    const listed = generateSealKeyPair();
    const stranger = generateSealKeyPair();
    const { f, head } = repo([listed.publicKey]);
    const trust = sealTrust(['parindex-bot[bot]'], [listed.publicKey]);
    const commit = (message: string, parents = ['a'.repeat(40), head]) => ({
      parents, message, author: { name: BOT.name, email: BOT.email, timestamp: 0, tz: '+0700' }, committer: { name: 'GitHub', email: 'noreply@github.com', timestamp: 0, tz: '+0700' },
    });
    expect(verifySeal(commit(`M\n\n${submittedTrailer(SENT)}`), trust)).toMatchObject({ trusted: false, reason: 'no-seal' });
    const foreign = sealMerge({ mergedHeads: [head], submittedIso: SENT, privateKey: loadSealPrivateKey(stranger.privateKeyPem) });
    expect(verifySeal(commit(`M\n\n${foreign}`), trust)).toMatchObject({ trusted: false, reason: 'unknown-key' });
    const good = sealMerge({ mergedHeads: [head], submittedIso: SENT, privateKey: loadSealPrivateKey(listed.privateKeyPem) });
    expect(verifySeal(commit(`M\n\n${good}`), trust)).toMatchObject({ trusted: true });
    // Another head (the seal copied onto another unit's merge), or an earlier time written over it.
    expect(verifySeal(commit(`M\n\n${good}`, ['a'.repeat(40), 'b'.repeat(40)]), trust)).toMatchObject({ trusted: false, reason: 'bad-signature' });
    expect(verifySeal(commit(`M\n\n${good.replace(SENT, '2023-11-17T10:00:00+07:00')}`), trust)).toMatchObject({ trusted: false, reason: 'bad-signature' });
    // A squash commit carries no merged head: never trusted.
    expect(verifySeal(commit(`M\n\n${good}`, [head]), trust)).toMatchObject({ trusted: false, reason: 'not-a-merge' });

    // In a real repository: the bot's merge with a copied seal stays at its commit time.
    const merge = f.merge('cms/don-vi-a', `Merge pull request #7\n\n${submittedTrailer(SENT)}\nParindex-Seal: ed25519 ${listed.id} ${'A'.repeat(86)}==`, MERGED, GITHUB, BOT);
    const history = await openHistory(f.dir, { cacheDir: null });
    const { arrivals } = await history.chain();
    expect(arrivals.find((a) => a.oid === merge)).toMatchObject({ source: 'committer', ignoredSendTime: { reason: 'dấu niêm phong sai (nội dung hoặc thời điểm đã bị sửa)' } });
  });

  it('trusts a local merger whose identity and key are in the repository’s git config (the local portal)', async () => {
    const keys = generateSealKeyPair();
    const { f, head } = repo([]);
    const PORTAL: Who = { name: 'parindex portal', email: 'portal@parindex.local' };
    const trailers = sealMerge({ mergedHeads: [head], submittedIso: SENT, privateKey: loadSealPrivateKey(keys.privateKeyPem) });
    const merge = f.merge('cms/don-vi-a', `Merge branch 'cms/don-vi-a'\n\n${trailers}`, MERGED, PORTAL, ALICE);
    expect(await lockSnapshot(f)).toMatchObject({ status: 'ok' });
    expect((await lockSnapshot(f) as { commit: string }).commit).not.toBe(merge);
    f.git(['config', '--add', 'parindex.sealKey', keys.publicKey]);
    f.git(['config', '--add', 'parindex.mergeBot', 'portal@parindex.local']);
    expect(await lockSnapshot(f)).toMatchObject({ status: 'ok', commit: merge, timeSource: 'submitted' });
  });

  it('reads only well-formed public keys', () => {
    const keys = generateSealKeyPair();
    expect(parseSealKey(keys.publicKey)?.id).toBe(keys.id);
    expect(parseSealKey('ed25519:abc')).toBeNull();
    const bad: string[] = [];
    expect(sealTrust(['bot'], ['ssh-ed25519 AAAA', keys.publicKey], (t) => bad.push(t)).keys).toHaveLength(1);
    expect(bad).toEqual(['ssh-ed25519 AAAA']);
  });
});

describe('the local portal’s key', () => {
  it('is created once inside the git directory (owner only), listed in git config, and seals merges history trusts', async () => {
    const { ensureLocalSealKey } = await import('../../scripts/core/history/seal-local.js');
    const { f, head } = repo([]);
    const first = await ensureLocalSealKey(f.dir, 'portal@parindex.local');
    const again = await ensureLocalSealKey(f.dir, 'portal@parindex.local');
    expect([first.created, again.created, again.publicKey]).toEqual([true, false, first.publicKey]);
    expect(statSync(join(f.dir, '.git', 'parindex', 'seal-key.pem')).mode & 0o777).toBe(0o600);
    expect(f.git(['config', '--get-all', 'parindex.sealKey']).trim().split('\n')).toEqual([first.publicKey]);
    expect(f.git(['config', '--get-all', 'parindex.mergeBot']).trim().split('\n')).toEqual(['portal@parindex.local']);
    // What the portal does at publish: trailers computed before `git merge`, appended by its hook.
    const trailers = sealMerge({ mergedHeads: [head], submittedIso: SENT, privateKey: again.privateKey });
    const merge = f.merge('cms/don-vi-a', `Merge branch 'cms/don-vi-a'\n\n${trailers}`, MERGED, { name: 'parindex portal', email: 'portal@parindex.local' }, ALICE);
    expect(await lockSnapshot(f)).toMatchObject({ status: 'ok', commit: merge, timeSource: 'submitted' });
  });
});

describe('npm run seal-key', () => {
  it('writes the private key for its owner only, prints the public key for access.yaml, and never overwrites a key', async () => {
    const { run } = await import('../../scripts/cli/seal-key.js');
    const dir = mkdtempSync(join(tmpdir(), 'parindex-seal-'));
    try {
      const file = join(dir, 'seal.pem');
      let out = '';
      const ctx = { root: dir, env: {}, out: (t: string) => { out += t; }, err: (t: string) => { out += t; }, now: () => new Date() };
      expect(await run(['--out', file], ctx)).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const pub = /- "(ed25519:[^"]+)"/.exec(out)![1]!;
      const signed = sealMerge({ mergedHeads: ['a'.repeat(40)], submittedIso: SENT, privateKey: loadSealPrivateKey(readFileSync(file, 'utf8')) });
      const bot = { name: 'parindex-bot[bot]', email: 'x', timestamp: 0, tz: '+0700' };
      expect(verifySeal({ parents: ['b'.repeat(40), 'a'.repeat(40)], message: `M\n\n${signed}`, author: bot, committer: bot }, sealTrust(['parindex-bot[bot]'], [pub])).trusted).toBe(true);
      out = '';
      expect(await run(['--out', file], ctx)).toBe(1);
      expect(out).toContain('tệp đã có (không ghi đè khóa cũ)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
