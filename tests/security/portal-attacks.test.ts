// Issue 11, local portal: every attack found against `npm start`, replayed against the real
// portal process (`parindex start --backend-only`) on a real clone of this repository. Each must
// be refused with a Vietnamese reason and leave main and the other unit's draft untouched.
// docs/security.md lists them with the defence that stops each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  action, BRANCH_PREFIX, call, COLLECTION, git, makeClone, makeDraft, PDF, persist, startPortalProcess, type PortalProcess,
} from './portal-process.js';

const ATTACKER = 'tn-bandantoc-cchc'; // Ban Dân tộc's officer
const OWN = 'content/self-assessments/2023/ban-dan-toc.yaml';
const VICTIM = 'huyen-dai-tu';
const VICTIM_FILE = `content/self-assessments/2023/${VICTIM}.yaml`;
const VICTIM_BRANCH = `${BRANCH_PREFIX}${VICTIM}`;

let env: ReturnType<typeof makeClone>;
let portal: PortalProcess;
let main: string;
let victimHead: string;

beforeAll(async () => {
  env = makeClone();
  victimHead = makeDraft(env.clone, VICTIM);
  main = git(env.clone, 'rev-parse', 'main');
  portal = await startPortalProcess(env.clone, { user: ATTACKER });
}, 90_000);

afterAll(async () => {
  await portal?.stop();
  env?.cleanup();
});

const own = () => readFileSync(join(env.clone, OWN), 'utf8');

/** Nothing of the attack reached main or the victim's draft, and the clone is clean on main. */
function untouched(): void {
  expect(git(env.clone, 'rev-parse', 'main')).toBe(main);
  expect(git(env.clone, 'rev-parse', VICTIM_BRANCH)).toBe(victimHead);
  expect(git(env.clone, 'config', `branch.${VICTIM_BRANCH}.description`)).toBe('pending_publish');
  expect(git(env.clone, 'status', '--porcelain', '--untracked-files=all')).toBe('');
}

describe('1. paths with .. cannot reach another unit or the registry', () => {
  for (const [what, path] of [
    ['another unit\'s evidence folder', 'content/evidence/2023/ban-dan-toc/../huyen-dai-tu/INJECTED.pdf'],
    ['another unit\'s self-assessment', 'content/evidence/2023/ban-dan-toc/../../../self-assessments/2023/huyen-dai-tu.yaml'],
    ['the access list (admin rights)', 'content/evidence/2023/ban-dan-toc/../../../access.yaml'],
  ] as const) {
    it(`persistMedia into ${what} is refused`, async () => {
      const r = await action(portal.backendPort, 'persistMedia', {
        asset: { path, content: Buffer.from(PDF).toString('base64'), encoding: 'base64' }, options: { commitMessage: 'x' },
      });
      expect(r.status).toBe(403);
      expect(r.body.error).toContain('không hợp lệ: đường dẫn chứa “.” hoặc “..”');
      expect(existsSync(join(env.clone, 'content/evidence/2023/huyen-dai-tu/INJECTED.pdf'))).toBe(false);
      untouched();
    });
  }

  it('reads cannot leave content/ either (getEntry, getMediaFile, entriesByFolder)', async () => {
    for (const [name, params] of [
      ['getEntry', { path: 'content/../../../../etc/passwd' }],
      ['getMediaFile', { path: '.git/config' }],
      ['entriesByFolder', { folder: 'content/..', extension: 'yaml', depth: 1 }],
      ['getEntry', { path: 'package.json' }],
    ] as const) {
      const r = await action(portal.backendPort, name, params);
      expect(r.status, name).toBe(403);
      expect(r.body.error).toMatch(/không hợp lệ|ngoài thư mục dữ liệu content\//);
    }
  });
});

describe('2. no write reaches .git (hooks would run as the portal\'s user)', () => {
  it('a draft saved under ../../../../.git/hooks is refused, and no hook runs on the next save', async () => {
    const hook = 'content/self-assessments/2023/../../../.git/hooks/prepare-commit-msg';
    const r = await action(portal.backendPort, 'persistEntry', persist('ban-dan-toc', [{ path: hook, raw: '#!/bin/sh\ntouch /tmp/parindex-pwned\n' }]));
    expect(r.status).toBe(403);
    const direct = await action(portal.backendPort, 'persistMedia', {
      asset: { path: '.git/hooks/post-commit', content: Buffer.from('#!/bin/sh\necho pwned > PWNED\n').toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'x' },
    });
    expect(direct.status).toBe(403);
    expect(readdirSync(join(env.clone, '.git/hooks')).filter((f) => !f.endsWith('.sample'))).toEqual([]);
    // The portal's own hook lives outside the clone (core.hooksPath), out of any CMS path's reach.
    expect(git(env.clone, 'config', 'core.hooksPath')).toBe(join(env.root, 'hooks'));
    const save = await action(portal.backendPort, 'persistEntry', persist('ban-dan-toc', [{ path: OWN, raw: `${own()}# lưu nháp\n` }]));
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    expect(existsSync(join(env.clone, 'PWNED'))).toBe(false);
    git(env.clone, 'branch', '-D', `${BRANCH_PREFIX}ban-dan-toc`);
    untouched();
  });
});

describe('3. moves and a dirty working tree', () => {
  it('a move (newPath) is refused', async () => {
    const r = await action(portal.backendPort, 'persistEntry', persist('ban-dan-toc', [{ path: OWN, newPath: 'content/self-assessments/2023/ban-dan-toc-2.yaml', raw: own() }]));
    expect(r.status).toBe(403);
    expect(r.body.error).toContain('Không được đổi tên hay di chuyển tệp qua CMS');
    untouched();
  });

  it('files left in the working tree are never swept into the next save', async () => {
    // What decap-server's folder move used to leave behind: another unit's file, uncommitted.
    writeFileSync(join(env.clone, VICTIM_FILE), 'id: bi-sua\n');
    writeFileSync(join(env.clone, 'content/self-assessments/2023/rac.yaml'), 'rác: 1\n');
    const save = await action(portal.backendPort, 'persistEntry', persist('ban-dan-toc', [{ path: OWN, raw: `${own()}# lưu nháp 2\n` }]));
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    const branch = `${BRANCH_PREFIX}ban-dan-toc`;
    expect(git(env.clone, 'diff', '--name-only', `main...${branch}`)).toBe(OWN);
    expect(portal.output()).toContain('Khôi phục bản sao trước khi ghi');
    git(env.clone, 'branch', '-D', branch);
    untouched();
  });
});

describe('4. another unit\'s draft: status, deletion, slug', () => {
  it('withdrawing another unit\'s send is refused', async () => {
    const r = await action(portal.backendPort, 'updateUnpublishedEntryStatus', { collection: COLLECTION, slug: VICTIM, newStatus: 'draft' });
    expect(r.status).toBe(403);
    expect(r.body.error).toContain(`Tài khoản ${ATTACKER} không được sửa ${VICTIM_FILE}`);
    untouched();
  });

  it('deleting another unit\'s draft is refused', async () => {
    const r = await action(portal.backendPort, 'deleteUnpublishedEntry', { collection: COLLECTION, slug: VICTIM });
    expect(r.status).toBe(403);
    untouched();
  });

  it('a save of one\'s own file under another unit\'s slug is refused', async () => {
    const r = await action(portal.backendPort, 'persistEntry', persist(VICTIM, [{ path: OWN, raw: `${own()}# chen\n` }]));
    expect(r.status).toBe(403);
    expect(r.body.error).toContain(`Bài “${VICTIM}” không khớp với tệp ${OWN}`);
    untouched();
  });

  it('a save of one\'s own file into the council\'s appraisal draft namespace is refused', async () => {
    const params = persist('ban-dan-toc', [{ path: OWN, raw: `${own()}# chen\n` }]);
    const r = await action(portal.backendPort, 'persistEntry', { ...params, options: { ...params.options, collectionName: 'appraisals-2023' } });
    expect(r.status).toBe(403);
    expect(git(env.clone, 'branch', '--list', 'cms/appraisals-2023/*')).toBe('');
    untouched();
  });

  it('a write aimed at another branch than main is refused', async () => {
    const r = await call(portal.backendPort, { action: 'persistMedia', params: {
      branch: VICTIM_BRANCH, asset: { path: 'content/evidence/2023/ban-dan-toc/x.pdf', content: Buffer.from(PDF).toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'x' },
    } });
    expect(r.status).toBe(403);
    expect(r.body.error).toContain('CMS chỉ làm việc trên nhánh main');
    untouched();
  });

  it('an action the portal does not know is refused, not passed on', async () => {
    const r = await action(portal.backendPort, 'gitPush', {});
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('không nhận thao tác “gitPush”');
  });
});

describe('5. Host, Origin and size', () => {
  it('a rebound host name or another site\'s page is refused', async () => {
    const rebound = await action(portal.backendPort, 'unpublishedEntries', {}, { Host: `attacker.example:${portal.backendPort}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body.error).toContain('không đến từ cổng thông tin cục bộ');
    const csrf = await action(portal.backendPort, 'unpublishedEntries', {}, { Origin: 'https://attacker.example' });
    expect(csrf.status).toBe(403);
    // The portal's own page still gets through.
    const ok = await action(portal.backendPort, 'unpublishedEntries', {}, { Origin: `http://localhost:${portal.sitePort}` });
    expect(ok.status).toBe(200);
  });

  it('an upload above the cap (20 MB) is refused with its size, below it is judged as usual', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(PDF);
    const r = await action(portal.backendPort, 'persistMedia', {
      asset: { path: 'content/evidence/2023/ban-dan-toc/lon.pdf', content: Buffer.from(big).toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'x' },
    });
    expect(r.status).toBe(413);
    expect(r.body.error).toContain('nặng 21,0 MB, vượt giới hạn 20 MB');
    const huge = new Uint8Array(36 * 1024 * 1024);
    const r2 = await action(portal.backendPort, 'persistEntry', persist('ban-dan-toc', [{ path: OWN, raw: own() }],
      [{ path: 'content/evidence/2023/ban-dan-toc/rat-lon.pdf', bytes: huge }]));
    expect(r2.status).toBe(413);
    expect(r2.body.error).toContain('tối đa 20 MB');
    untouched();
  }, 60_000);
});
