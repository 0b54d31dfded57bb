// Evidence verification runs in the browser as in Node: the same engine code (pkijs on
// WebCrypto, pdfjs for the printed header), bundled by esbuild and run in real Chromium on the
// test PDFs, gives the same verdicts as in Node for every case the council cares about.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { verifySignatures } from '../../scripts/core/evidence/signature.js';
import { parseTrustStore } from '../../scripts/core/evidence/trust.js';
import { readHeader } from '../../scripts/core/evidence/header.js';

const DIR = join(REPO_ROOT, 'tests/fixtures/base/content/evidence/2023/don-vi-a');
const PEM = readFileSync(join(REPO_ROOT, 'tests/fixtures/base/content/trust/test-root.pem'), 'utf8');
const FILES = ['ke-hoach-12-kh-snv.pdf', 'bao-cao-55-bc-snv.pdf', 'bang-thong-ke.pdf', 'chu-ky-gia.pdf', 'sua-sau-ky.pdf', 'het-han.pdf', 'ca-la.pdf', 'so-khac.pdf', 'ban-scan.pdf'];

// Under CI the browser must be there: a missing Chromium fails instead of skipping.
const run = chromiumAvailable() || process.env.CI === 'true';

async function inNode(name: string) {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  const signatures = await verifySignatures(bytes, Buffer.from(bytes).toString('latin1'), parseTrustStore([{ path: 'root.pem', text: PEM }]));
  return { signatures, header: await readHeader(bytes) };
}

describe.runIf(run)('evidence verification in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const entry = `
      import { verifySignatures } from './scripts/core/evidence/signature.ts';
      import { parseTrustStore } from './scripts/core/evidence/trust.ts';
      import { readHeader } from './scripts/core/evidence/header.ts';
      import { latin1 } from './scripts/core/evidence/pdf.ts';
      window.checkEvidence = async (b64, pem) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const signatures = await verifySignatures(bytes, latin1(bytes), parseTrustStore([{ path: 'root.pem', text: pem }]));
        return { signatures, header: await readHeader(bytes) };
      };`;
    const out = await build({ stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
    browser = await launchBrowser();
    page = await browser.newPage();
    // WebCrypto's subtle API exists only in a secure context: serve the page as https.
    await page.route('https://parindex.test/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>evidence</title><script type="module">${out.outputFiles[0]!.text.replace(/<\/script/g, '<\\/script')}</script>` }));
    await page.goto('https://parindex.test/');
    await page.waitForFunction(() => typeof (window as unknown as { checkEvidence?: unknown }).checkEvidence === 'function');
  }, 120_000);

  afterAll(async () => { await browser?.close(); });

  test.each(FILES)('%s: the same verdict as in Node', async (name) => {
    const b64 = readFileSync(join(DIR, name)).toString('base64');
    const browserResult = await page.evaluate(([b, pem]) => (window as unknown as { checkEvidence: (b: string, p: string) => Promise<unknown> }).checkEvidence(b!, pem!), [b64, PEM]);
    expect(browserResult).toEqual(await inNode(name));
  }, 60_000);

  test('the verdicts are the ones the council needs', async () => {
    const verdict = async (name: string) => {
      const b64 = readFileSync(join(DIR, name)).toString('base64');
      return page.evaluate(([b, pem]) => (window as unknown as { checkEvidence: (b: string, p: string) => Promise<{ signatures: { status: string; trusted?: boolean; certificateValid?: boolean; updates: string }[]; header?: { text: boolean; number?: string } }> }).checkEvidence(b!, pem!), [b64, PEM]);
    };
    expect((await verdict('chu-ky-gia.pdf')).signatures.map((s) => s.status)).toEqual(['malformed']);
    expect((await verdict('sua-sau-ky.pdf')).signatures.map((s) => s.status)).toEqual(['digest-mismatch']);
    expect((await verdict('het-han.pdf')).signatures[0]).toMatchObject({ status: 'valid', certificateValid: false });
    expect((await verdict('ca-la.pdf')).signatures[0]).toMatchObject({ status: 'valid', trusted: false });
    expect((await verdict('bao-cao-55-bc-snv.pdf')).signatures.map((s) => [s.status, s.updates, s.trusted])).toEqual([['valid', 'benign', true], ['valid', 'none', true]]);
    expect((await verdict('bang-thong-ke.pdf')).signatures.map((s) => [s.status, s.updates])).toEqual([['valid', 'benign']]);
    expect((await verdict('so-khac.pdf')).header).toEqual({ text: true, number: '13/KH-SNV', date: '2023-01-11' });
    expect((await verdict('ban-scan.pdf')).header).toEqual({ text: false });
  }, 60_000);
});
