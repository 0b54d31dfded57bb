// The local git backend without a browser: real decap-server git mode on a real clone, the veto
// in front of it, plain HTTP requests shaped like Decap's proxy backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { createBackendApp } from '../../scripts/portal/backend.js';
import { ensureClone } from '../../scripts/portal/clone.js';
import { createClock } from '../../scripts/portal/clock.js';
import type { GateFn } from '../../scripts/portal/gate-api.js';
import { api, close, fixtureText, listen, makeDevRepo, persistParams, readAt, sh, ORIGIN, type DevRepo } from './helpers.js';
import { portalGate } from './gate.js';
import { makePdf } from '../helpers/pdf.js';

const SA = 'content/self-assessments/2023/don-vi-a.yaml';
const COLLECTION = 'self-assessments-2023';
const BRANCH = `cms/${COLLECTION}/don-vi-a`;

/** The fixture self-assessment with item 2.1.2 changed (and optionally 1.1's score). */
function edited(explanation: string, score212 = 1, score11 = 2): string {
  return fixtureText(SA)
    .replace(/- code: "1\.1"\n {4}score: 2/, `- code: "1.1"\n    score: ${score11}`)
    .replace(/- code: "2\.1\.2"\n {4}score: 0\n {4}explanation: .*/, `- code: "2.1.2"\n    score: ${score212}\n    explanation: ${explanation}`);
}

interface Portal {
  dev: DevRepo;
  clone: string;
  url: string;
  server: Server;
  clock: ReturnType<typeof createClock>;
  logs: string[];
}

async function startBackend(gate: GateFn = portalGate): Promise<Portal> {
  const dev = makeDevRepo();
  const clone = (await ensureClone(dev.dir, join(dev.root, 'clone'))).dir;
  const clock = createClock('2023-11-10T09:00+07:00');
  const logs: string[] = [];
  const app = await createBackendApp({ repo: clone, clock, gate, log: (l) => logs.push(l) });
  const { server, url } = await listen(app as never);
  return { dev, clone, url, server, clock, logs };
}

async function stop(p: Portal) {
  await close(p.server);
  p.dev.cleanup();
}

const head = (p: Portal, ref = 'main') => sh(p.clone, 'rev-parse', ref);

describe('local backend behind the gate', () => {
  let p: Portal;
  beforeAll(async () => { p = await startBackend(); });
  afterAll(async () => { await stop(p); });

  it('answers decap-server actions and CORS for the CMS origin', async () => {
    const info = await api(p.url, 'info', {});
    expect(info.status).toBe(200);
    expect(info.body.type).toBe('local_git');
    const pre = await fetch(p.url, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const entries = await api(p.url, 'entriesByFolder', { folder: 'content/self-assessments/2023', extension: 'yaml', depth: 1 });
    expect(entries.status).toBe(200);
    expect((entries.body as unknown as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([SA]);
  });

  it('saves a draft of the own unit with errors, under the officer\'s name and the portal clock', async () => {
    const main = head(p);
    const r = await api(p.url, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: edited('Đã công khai tại Mục III, Báo cáo số 55/BC-SNV.', 1, 3) }]));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(head(p)).toBe(main);
    const log = sh(p.clone, 'log', '-1', '--format=%an|%cn|%cI', BRANCH);
    expect(log).toBe('officer-a|officer-a|2023-11-10T09:00:00+07:00');
    expect(sh(p.clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
  });

  it('refuses to send a draft with validation errors, naming the criterion', async () => {
    const r = await api(p.url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/^Chưa gửi được bài: /);
    expect(r.body.error).toContain('tiêu chí 1.1');
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(sh(p.clone, 'config', `branch.${BRANCH}.description`)).toBe('decap-cms/draft');
  });

  it('refuses a draft that writes another unit\'s evidence, and writes nothing', async () => {
    const before = sh(p.clone, 'for-each-ref', '--format=%(refname) %(objectname)');
    const pdf = await makePdf('Bao cao', { sign: true });
    const r = await api(p.url, 'persistEntry', persistParams('don-vi-a',
      [{ path: SA, raw: edited('Minh chứng tại Mục III, Báo cáo số 55/BC-SNV.') }],
      [{ path: 'content/evidence/2023/don-vi-b/bao-cao.pdf', bytes: pdf }]));
    expect(r.status).toBe(403);
    expect(r.body.error).toContain('officer-a');
    expect(r.body.error).toContain('content/evidence/2023/don-vi-b/bao-cao.pdf');
    expect(sh(p.clone, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(before);
    expect(p.logs.some((l) => l.includes('Từ chối lưu bản nháp'))).toBe(true);
  });

  it('sends at 16:59:50 and publishes at 17:00:20 with a merge commit of the sent YAML', async () => {
    const text = edited('Đã công khai kết quả tại Mục III, Báo cáo số 55/BC-SNV ngày 12/11/2023.');
    p.clock.set('2023-11-17T16:59:40+07:00');
    expect((await api(p.url, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: text }]))).status).toBe(200);
    p.clock.set('2023-11-17T16:59:50+07:00');
    const sent = await api(p.url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const before = head(p);
    p.clock.set('2023-11-17T17:00:20+07:00');
    const pub = await api(p.url, 'publishUnpublishedEntry', { collection: COLLECTION, slug: 'don-vi-a' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const merge = head(p);
    expect(merge).not.toBe(before);
    const [parents, subject, committed, author] = sh(p.clone, 'log', '-1', '--format=%P%n%s%n%cI%n%an', merge).split('\n');
    expect(parents!.split(' ')).toHaveLength(2);
    expect(parents!.split(' ')[0]).toBe(before);
    expect(subject).toBe(`Merge branch '${BRANCH}'`);
    expect(committed).toBe('2023-11-17T17:00:20+07:00');
    // The merge records the send time; history then counts it inside the 17:00 snapshot.
    expect(sh(p.clone, 'log', '-1', '--format=%B', merge)).toMatch(/^Parindex-Submitted-At: 2023-11-17T16:59:50\+07:00$/m);
    const { openSnapshot } = await import('../../scripts/core/history/index.js');
    const lock = await openSnapshot(p.clone, new Date('2023-11-17T17:00:00+07:00'), { strict: true, cacheDir: null });
    expect(lock).toMatchObject({ status: 'ok', commit: merge, timeSource: 'submitted' });
    expect(author).toBe('officer-a');
    const doc = loadYaml(readAt(p.clone, merge, SA)) as { items: { code: string; score: number; explanation: string }[] };
    expect(doc.items.find((i) => i.code === '2.1.2')).toMatchObject({ score: 1, explanation: 'Đã công khai kết quả tại Mục III, Báo cáo số 55/BC-SNV ngày 12/11/2023.' });
    expect(sh(p.clone, 'branch', '--list', BRANCH)).toBe('');
    expect(p.logs.some((l) => l.startsWith('[17/11/2023 17:00:20] Đã hợp nhất'))).toBe(true);
    // The gate's note on a late merge of an on-time send reaches the terminal.
    expect(p.logs.some((l) => l.includes('được gửi lúc 17/11/2023 16:59:50'))).toBe(true);
  });

  it('after 17:00 a send is refused with the deadline reason and main is untouched', async () => {
    p.clock.set('2023-11-17T17:00:00+07:00');
    const save = await api(p.url, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: edited('Đã công khai tại Mục IV, Báo cáo số 55/BC-SNV.') }]));
    expect(save.status).toBe(200); // drafts stay possible: they live on the cms/ branch
    const main = head(p);
    const r = await api(p.url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/^Chưa gửi được bài: .*Đã hết hạn “Tự đánh giá, chấm điểm” năm 2023 lúc 17\/11\/2023 17:00/);
    const pub = await api(p.url, 'publishUnpublishedEntry', { collection: COLLECTION, slug: 'don-vi-a' });
    expect(pub.status).toBe(403);
    expect(pub.body.error).toMatch(/^Chưa nhập được bài vào nhánh chính: /);
    expect(head(p)).toBe(main);
    expect(sh(p.clone, 'rev-parse', '--verify', BRANCH)).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('send time', () => {
  let p: Portal;
  beforeAll(async () => { p = await startBackend(); });
  afterAll(async () => { await stop(p); });

  it('resets when the entry is saved again after sending', async () => {
    p.clock.set('2023-11-17T16:59:00+07:00');
    expect((await api(p.url, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: edited('Công khai tại Mục III, Báo cáo số 55/BC-SNV.') }]))).status).toBe(200);
    p.clock.set('2023-11-17T16:59:50+07:00');
    expect((await api(p.url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' })).status).toBe(200);
    expect(sh(p.clone, 'config', `branch.${BRANCH}.parindex-sent-at`)).toBe('2023-11-17T09:59:50.000Z');
    p.clock.set('2023-11-17T17:00:10+07:00');
    expect((await api(p.url, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: edited('Công khai tại Mục V, Báo cáo số 55/BC-SNV.') }]))).status).toBe(200);
    expect(() => sh(p.clone, 'config', '--get-regexp', '^branch\\..*\\.parindex-')).toThrow(); // exit 1: no such keys
    expect(sh(p.clone, 'config', `branch.${BRANCH}.description`)).toBe('decap-cms/draft');
  }, 30_000);

  it('so a publish after the deadline is refused and main keeps its commit', async () => {
    const main = head(p);
    p.clock.set('2023-11-17T17:00:20+07:00');
    const pub = await api(p.url, 'publishUnpublishedEntry', { collection: COLLECTION, slug: 'don-vi-a' });
    expect(pub.status).toBe(403);
    expect(pub.body.error).toContain('được xét lúc 17/11/2023 17:00:20');
    expect(head(p)).toBe(main);
  });
});

describe('direct writes to main and failures', () => {
  it('judges media uploads by the clock, and fails closed when the gate throws', async () => {
    let crash = false;
    const p = await startBackend(async (input) => {
      if (crash) throw new Error('boom');
      return portalGate(input);
    });
    try {
      const pdf = await makePdf('Ke hoach', { sign: true });
      const asset = { path: 'content/evidence/2023/don-vi-a/ke-hoach-moi.pdf', content: Buffer.from(pdf).toString('base64'), encoding: 'base64' };
      const main = head(p);
      p.clock.set('2023-11-18T08:00+07:00');
      const late = await api(p.url, 'persistMedia', { asset, options: { commitMessage: 'Tải lên' } });
      expect(late.status).toBe(403);
      expect(late.body.error).toMatch(/^Không ghi được vào nhánh chính: /);
      expect(head(p)).toBe(main);

      crash = true;
      p.clock.set('2023-11-10T09:00+07:00');
      const crashed = await api(p.url, 'persistMedia', { asset, options: { commitMessage: 'Tải lên' } });
      expect(crashed.status).toBe(500);
      expect(crashed.body.error).toContain('chưa ghi gì vào nhánh chính');
      expect(head(p)).toBe(main);
      expect(p.logs.some((l) => l.includes('boom'))).toBe(true);

      crash = false;
      const ok = await api(p.url, 'persistMedia', { asset, options: { commitMessage: 'Tải lên' } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(sh(p.clone, 'log', '-1', '--format=%an %cI', 'main')).toBe('officer-a 2023-11-10T09:00:00+07:00');
    } finally {
      await stop(p);
    }
  });

  it('answers a body that is not JSON with a Vietnamese JSON error; another origin is refused without CORS', async () => {
    const p = await startBackend();
    try {
      const bad = await fetch(p.url, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: '{"action":' });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(((await bad.json()) as { error: string }).error).toContain('không đọc được');
      const foreign = await api(p.url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'khong-co', newStatus: 'pending_publish' }, 'https://evil.example');
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      expect(JSON.stringify(foreign.body)).toContain('không đến từ cổng thông tin cục bộ');
    } finally {
      await stop(p);
    }
  });
});
