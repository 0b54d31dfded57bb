// The council's appraisal through the local backend, end to end without a browser: real
// decap-server git mode on a real clone of the fixture repository, the gate in front of it,
// raw HTTP shaped like Decap's proxy backend (as in backend.test.ts).
//
// Who acts: the portal has no login. Without PARINDEX_USER it acts as the officer of the unit
// whose self-assessment or evidence is written, and nobody for an appraisal alone; so the
// council works with PARINDEX_USER=<its login>. Each "portal" below is one backend on the SAME
// clone with its own PARINDEX_USER, as if the portal were restarted with another login.
//
// What the gate does with content/appraisals/** (scripts/core/gate/): scope "council", so only
// logins with the council role in the BASE content/access.yaml may write it; no phase clock
// (docs/deadline-semantics.md §7: "no clock (appraisals are corrected after complaints too)");
// the appraisal rules (scripts/core/rules/appraisal.ts) refuse a send with errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { createBackendApp } from '../../scripts/portal/backend.js';
import { ensureClone } from '../../scripts/portal/clone.js';
import { createClock, type PortalClock } from '../../scripts/portal/clock.js';
import { api, close, fixtureText, listen, makeDevRepo, persistParams, readAt, sh, type DevRepo } from './helpers.js';
import { portalGate } from './gate.js';

const SA = 'content/self-assessments/2023/don-vi-a.yaml';
const AP = 'content/appraisals/2023/don-vi-a.yaml';
/** appraisalCollectionName(2023) of site/cms/page-data.ts: the council's collection. */
const COLLECTION = 'appraisals-2023';
const BRANCH = `cms/${COLLECTION}/don-vi-a`;
const SA_COLLECTION = 'self-assessments-2023';
/** content/access.yaml of makeDevRepo: the council role. */
const COUNCIL = 'council-1';
/** The first github user of content/units/don-vi-a.yaml. */
const OFFICER = 'officer-a';
/** Inside “Thẩm định” of the fixture campaign (18/11/2023 08:00 – 20/12/2023 17:00). */
const IN_APPRAISAL = '2023-11-25T08:00+07:00';

/**
 * A round-1 appraisal of don-vi-a against the fixture self-assessment (self scores 2, 2, 0 n/a,
 * 0.5, 0). 1.1 is scored `score11`: below the self score it needs the remark, which it has.
 */
function appraisalYaml(score11 = 1, remark = 'Chưa có sản phẩm của nhiệm vụ 12 trong Báo cáo số 55/BC-SNV.'): string {
  return `unit: don-vi-a
year: 2023
framework: fw-so-2023
appraisers:
  - Trần Văn Bình
items:
  - code: "1.1"
    round1:
      score: ${score11}
      remark: ${JSON.stringify(remark)}
      requestExplanation: true
  - code: "1.2"
    round1:
      score: 2
  - code: "1.3"
    round1:
      score: 0
  - code: "2.1.1"
    round1:
      score: 0.5
  - code: "2.1.2"
    round1:
      score: 0
`;
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in text`);
  return i + 1;
}

interface Shared {
  dev: DevRepo;
  clone: string;
  clock: PortalClock;
  logs: string[];
  /** A backend on the shared clone acting as `user` (PARINDEX_USER), or per unit when omitted. */
  portalAs(user?: string): Promise<string>;
  stop(): Promise<void>;
}

async function startShared(at: string): Promise<Shared> {
  const dev = makeDevRepo();
  const clone = (await ensureClone(dev.dir, join(dev.root, 'clone'))).dir;
  const clock = createClock(at);
  const logs: string[] = [];
  const servers: Server[] = [];
  return {
    dev, clone, clock, logs,
    async portalAs(user) {
      const app = await createBackendApp({ repo: clone, clock, gate: portalGate, log: (l) => logs.push(l), ...(user ? { actor: { user } } : {}) });
      const { server, url } = await listen(app as never);
      servers.push(server);
      return url;
    },
    async stop() {
      for (const s of servers) await close(s);
      dev.cleanup();
    },
  };
}

const head = (s: Shared, ref = 'main') => sh(s.clone, 'rev-parse', ref);
const refs = (s: Shared) => sh(s.clone, 'for-each-ref', '--format=%(refname) %(objectname)');
const status = (s: Shared, branch = BRANCH) => sh(s.clone, 'config', `branch.${branch}.description`);
/** The recorded send time of a branch, or null (git config exits 1 when the key is absent). */
function sentAt(s: Shared, branch = BRANCH): string | null {
  try { return sh(s.clone, 'config', `branch.${branch}.parindex-sent-at`); } catch { return null; }
}

const save = (url: string, raw: string) => api(url, 'persistEntry', persistParams('don-vi-a', [{ path: AP, raw }], [], COLLECTION));
const send = (url: string) => api(url, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' });
const publish = (url: string) => api(url, 'publishUnpublishedEntry', { collection: COLLECTION, slug: 'don-vi-a' });

/** Save, send and publish as `url`'s login; returns the merge commit after checking its shape. */
async function saveSendPublish(s: Shared, url: string, raw: string): Promise<string> {
  const saved = await save(url, raw);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const sent = await send(url);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const before = head(s);
  const pub = await publish(url);
  expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  const merge = head(s);
  expect(merge).not.toBe(before);
  expect(sh(s.clone, 'log', '-1', '--format=%P', merge).split(' ')).toEqual([before, expect.stringMatching(/^[0-9a-f]{40}$/)]);
  expect(readAt(s.clone, merge, AP)).toBe(raw);
  return merge;
}

/** Both send and publish as `url`'s login are refused with `reason`: the entry stays an unsent
 * draft and main keeps `main`. */
async function expectSendAndPublishRefused(s: Shared, url: string, reason: string, main: string): Promise<void> {
  const sent = await send(url);
  expect(sent.status).toBe(403);
  expect(sent.body.error).toBe(`Chưa gửi được bài: ${reason}`);
  expect(status(s)).toBe('decap-cms/draft');
  expect(sentAt(s)).toBeNull();
  const pub = await publish(url);
  expect(pub.status).toBe(403);
  expect(pub.body.error).toBe(`Chưa nhập được bài vào nhánh chính: ${reason}`);
  expect(head(s)).toBe(main);
}

describe('the council appraises a unit inside the appraisal phase; the unit\'s officer cannot', () => {
  let s: Shared;
  let council: string;
  let officer: string;
  let perUnit: string;
  beforeAll(async () => {
    s = await startShared(IN_APPRAISAL);
    council = await s.portalAs(COUNCIL);
    officer = await s.portalAs(OFFICER);
    perUnit = await s.portalAs(); // npm start without PARINDEX_USER
  });
  afterAll(async () => { await s.stop(); });

  it('refuses the officer\'s draft of an appraisal, or one slipped into the self-assessment draft, and writes nothing', async () => {
    const before = refs(s);
    const own = await save(officer, appraisalYaml(2, 'Đạt.'));
    expect(own.status).toBe(403);
    expect(own.body.error).toBe(`Tài khoản ${OFFICER} không được sửa ${AP}. Mỗi đơn vị chỉ sửa bài tự chấm và tài liệu kiểm chứng của mình.`);
    // The default portal acts as the unit's officer for a self-assessment draft; the appraisal beside it is foreign.
    const slipped = await api(perUnit, 'persistEntry', {
      ...persistParams('don-vi-a', [{ path: SA, raw: fixtureText(SA) }, { path: AP, raw: appraisalYaml(2, 'Đạt.') }]),
    });
    expect(slipped.status).toBe(403);
    expect(slipped.body.error).toBe(`Bài “don-vi-a” không khớp với tệp ${AP}: mỗi bản nháp chỉ chứa tệp của chính bài đó.`);
    // Without the editorial workflow the entry goes straight to main: the whole gate refuses it.
    const direct = await api(officer, 'persistEntry', {
      entry: { slug: 'don-vi-a', path: AP, raw: appraisalYaml(2, 'Đạt.') },
      assets: [],
      options: { collectionName: COLLECTION, commitMessage: 'Cập nhật don-vi-a', useWorkflow: false, status: 'draft' },
    });
    expect(direct.status).toBe(403);
    expect(direct.body.error).toBe(`Không ghi được vào nhánh chính: ${AP}: Tệp ${AP} là kết quả thẩm định hoặc điểm điều tra xã hội học: chỉ Hội đồng thẩm định được thay đổi.`);
    expect(refs(s)).toBe(before);
    expect(sh(s.clone, 'status', '--porcelain')).toBe('');
    expect(s.logs.filter((l) => l.includes(`Từ chối lưu bản nháp của ${OFFICER}`))).toHaveLength(1);
    expect(s.logs.filter((l) => l.includes('Từ chối persistEntry của —: Bài “don-vi-a” không khớp'))).toHaveLength(1);
    expect(s.logs.some((l) => l.includes(`Từ chối ghi trực tiếp vào main của ${OFFICER}`))).toBe(true);
  });

  it('saves the council\'s draft on its cms/ branch under the council login and the portal clock, main untouched', async () => {
    const main = head(s);
    const r = await save(council, appraisalYaml());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(head(s)).toBe(main);
    expect(sh(s.clone, 'log', '-1', '--format=%an|%cn|%cI', BRANCH)).toBe(`${COUNCIL}|${COUNCIL}|2023-11-25T08:00:00+07:00`);
    expect(readAt(s.clone, BRANCH, AP)).toBe(appraisalYaml());
    expect(status(s)).toBe('decap-cms/draft');
    expect(sh(s.clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
  });

  it('refuses the officer\'s send and publish of the council\'s draft with the council-only reason', async () => {
    const main = head(s);
    const branchHead = head(s, BRANCH);
    const reason = `${AP}: Tệp ${AP} là kết quả thẩm định hoặc điểm điều tra xã hội học: chỉ Hội đồng thẩm định được thay đổi.`;
    await expectSendAndPublishRefused(s, officer, reason, main);
    expect(head(s, BRANCH)).toBe(branchHead);
  });

  it('still refuses the officer\'s publish once the council has sent it: the gate judges who merges', async () => {
    s.clock.set('2023-11-25T09:00+07:00');
    const sent = await send(council);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(status(s)).toBe('decap-cms/pending_publish');
    expect(sentAt(s)).toBe('2023-11-25T02:00:00.000Z');
    const main = head(s);
    s.clock.set('2023-11-25T09:05+07:00');
    const pub = await publish(officer);
    expect(pub.status).toBe(403);
    expect(pub.body.error).toBe(`Chưa nhập được bài vào nhánh chính: ${AP}: Tệp ${AP} là kết quả thẩm định hoặc điểm điều tra xã hội học: chỉ Hội đồng thẩm định được thay đổi.`);
    expect(head(s)).toBe(main);
    expect(sentAt(s)).toBe('2023-11-25T02:00:00.000Z');
  });

  it('publishes the council\'s sent appraisal: a merge commit on main with exactly that YAML', async () => {
    const before = head(s);
    s.clock.set('2023-11-25T09:10+07:00');
    const pub = await publish(council);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const merge = head(s);
    expect(merge).not.toBe(before);
    const [parents, subject, committed, author] = sh(s.clone, 'log', '-1', '--format=%P%n%s%n%cI%n%an', merge).split('\n');
    expect(parents!.split(' ')).toHaveLength(2);
    expect(parents!.split(' ')[0]).toBe(before);
    expect(subject).toBe(`Merge branch '${BRANCH}'`);
    expect(committed).toBe('2023-11-25T09:10:00+07:00');
    expect(author).toBe(COUNCIL);
    expect(sh(s.clone, 'log', '-1', '--format=%B', merge)).toMatch(/^Parindex-Submitted-At: 2023-11-25T09:00:00\+07:00$/m);
    expect(sh(s.clone, 'diff', '--name-only', before, merge)).toBe(AP);
    expect(readAt(s.clone, merge, AP)).toBe(appraisalYaml());
    const doc = loadYaml(readAt(s.clone, merge, AP)) as { items: { code: string; round1: Record<string, unknown> }[] };
    expect(doc.items.find((i) => i.code === '1.1')!.round1).toMatchObject({ score: 1, requestExplanation: true });
    expect(sh(s.clone, 'branch', '--list', BRANCH)).toBe('');
    expect(sh(s.clone, 'status', '--porcelain')).toBe('');
    expect(s.logs.some((l) => l === `[25/11/2023 09:10:00] Đã hợp nhất ${BRANCH} vào main (người gửi: ${COUNCIL}).`)).toBe(true);
    const listed = await api(council, 'entriesByFolder', { folder: 'content/appraisals/2023', extension: 'yaml', depth: 1 });
    expect((listed.body as unknown as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([AP]);
  });
});

describe('an appraisal with a rule error', () => {
  let s: Shared;
  let council: string;
  beforeAll(async () => {
    s = await startShared(IN_APPRAISAL);
    council = await s.portalAs(COUNCIL);
  });
  afterAll(async () => { await s.stop(); });

  it('is saved as a draft but not sent nor published, naming the criterion and the line', async () => {
    const main = head(s);
    const raw = appraisalYaml(3); // 1.1 has max 2
    const saved = await save(council, raw);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(readAt(s.clone, BRANCH, AP)).toBe(raw);
    const line = lineOf(raw, 'score: 3');
    const reason = `${AP}, dòng ${line}, tiêu chí 1.1: Điểm thẩm định đợt 1 3 vượt điểm tối đa 2 của tiêu chí 1.1.`;
    await expectSendAndPublishRefused(s, council, reason, main);
    expect(s.logs.some((l) => l.includes(`Từ chối gửi ${BRANCH} của ${COUNCIL}`))).toBe(true);
  });

  it('once corrected and saved again, is sent and published', async () => {
    const merge = await saveSendPublish(s, council, appraisalYaml(1));
    expect(sh(s.clone, 'log', '-1', '--format=%an', merge)).toBe(COUNCIL);
  });
});

// The brief for these tests expected a publish outside the appraisal phase to be refused. The
// gate has no clock for the council on purpose (docs/deadline-semantics.md §7): appraisals are
// corrected between the rounds and after complaints. These tests pin that, and show at the same
// instants that the campaign clock is in force for the unit's own file.
describe('the council\'s appraisal outside the appraisal phase', () => {
  let s: Shared;
  let council: string;
  let perUnit: string;
  beforeAll(async () => {
    s = await startShared('2023-11-10T09:00+07:00'); // self-assessment window; “Thẩm định” opens 18/11 08:00
    council = await s.portalAs(COUNCIL);
    perUnit = await s.portalAs();
  });
  afterAll(async () => { await s.stop(); });

  it('is merged before the phase opens (no clock for council files)', async () => {
    const merge = await saveSendPublish(s, council, appraisalYaml());
    expect(sh(s.clone, 'log', '-1', '--format=%an %cI', merge)).toBe(`${COUNCIL} 2023-11-10T09:00:00+07:00`);
  });

  it('is merged at and after the phase\'s end, while the officer\'s send at that instant is refused by the clock', async () => {
    s.clock.set('2023-12-20T17:00+07:00'); // “Thẩm định” is [18/11 08:00, 20/12 17:00): closed now
    const corrected = appraisalYaml(2, 'Điều chỉnh sau kiến nghị của đơn vị.');
    const merge = await saveSendPublish(s, council, corrected);
    expect(sh(s.clone, 'log', '-1', '--format=%an %cI', merge)).toBe(`${COUNCIL} 2023-12-20T17:00:00+07:00`);

    s.clock.set('2024-01-15T10:00+07:00');
    await saveSendPublish(s, council, appraisalYaml(0, 'Kết luận thanh tra: chưa thực hiện kế hoạch.'));

    // Same clone, same clock: the unit's self-assessment is past every window of 2023.
    s.clock.set('2023-12-20T17:00+07:00');
    const edited = fixtureText(SA).replace('Chưa công khai kết quả đánh giá.', 'Đã công khai kết quả đánh giá.');
    expect((await api(perUnit, 'persistEntry', persistParams('don-vi-a', [{ path: SA, raw: edited }]))).status).toBe(200);
    const main = head(s);
    const late = await api(perUnit, 'updateUnpublishedEntryStatus', { collection: SA_COLLECTION, slug: 'don-vi-a', newStatus: 'pending_publish' });
    expect(late.status).toBe(403);
    expect(late.body.error).toMatch(/^Chưa gửi được bài: .*Đã hết hạn “Giải trình, bổ sung lần 2” năm 2023 lúc 11\/12\/2023 00:00/);
    expect(head(s)).toBe(main);
  });
});
