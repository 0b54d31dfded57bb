// Cryptographic verification of PDF signatures (scripts/core/evidence/signature.ts) against
// real PDFs signed by a test PKI: the "done when" cases, byte by byte.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignatures, counts, type SignatureCheck } from '../../../scripts/core/evidence/signature.js';
import { parseTrustStore, type TrustStore } from '../../../scripts/core/evidence/trust.js';
import { addDss, appendUpdate, countersign, randomSignature, signedPdf, tamperInPlace, testPki, type TestPki } from '../../helpers/pki.js';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const verify = (b: Buffer, trust: TrustStore) => verifySignatures(new Uint8Array(b), latin1(b), trust);

let pki: TestPki;
let trust: TrustStore;
let good: Buffer;

beforeAll(async () => {
  pki = testPki();
  trust = parseTrustStore([{ path: 'content/trust/root.pem', text: pki.root.pem }]);
  good = await signedPdf(['So: 55/BC-SNV'], pki.leaf, [pki.intermediate]);
});

describe('verifySignatures', () => {
  it('a signature by a trusted chain over the whole file is valid, with its signer and time', async () => {
    const [s, ...rest] = await verify(good, trust);
    expect(rest).toEqual([]);
    expect(s).toMatchObject<Partial<SignatureCheck>>({ status: 'valid', coverage: 'whole', updates: 'none', certificateValid: true, trusted: true,
      signingTime: '2023-11-12T02:00:00.000Z', timeSource: 'attribute' });
    expect(s!.signer).toMatchObject({ name: 'Nguyễn Văn An', organization: 'Sở Thử nghiệm A', issuer: 'CA Chuyên dùng Thử nghiệm' });
    expect(counts(s!)).toBe(true);
  });

  it('random bytes in place of the signature are not a signature', async () => {
    const [s] = await verify(randomSignature(good), trust);
    expect(s!.status).toBe('malformed');
    expect(counts(s!)).toBe(false);
  });

  it('content changed after signing, same length: the digest no longer matches', async () => {
    const t = tamperInPlace(good);
    expect(t.length).toBe(good.length);
    const [s] = await verify(t, trust);
    expect(s!.status).toBe('digest-mismatch');
  });

  it('a certificate expired at signing time is reported as such', async () => {
    const [s] = await verify(await signedPdf(['x'], pki.expired, [pki.intermediate]), trust);
    expect(s).toMatchObject({ status: 'valid', certificateValid: false, trusted: true });
  });

  it('a chain the trust store does not know is valid but untrusted', async () => {
    const [s] = await verify(await signedPdf(['x'], pki.stranger, []), trust);
    expect(s).toMatchObject({ status: 'valid', certificateValid: true, trusted: false });
  });

  it('with no trust store configured nothing is trusted', async () => {
    const [s] = await verify(good, parseTrustStore([]));
    expect(s).toMatchObject({ status: 'valid', trusted: false });
  });

  it('a second signature added as an incremental update: both valid, the first covers its revision', async () => {
    const twice = await countersign(good, pki.org, [pki.intermediate]);
    const [first, second] = await verify(twice, trust);
    expect(first).toMatchObject({ status: 'valid', coverage: 'revision', updates: 'benign' });
    expect(second).toMatchObject({ status: 'valid', coverage: 'whole', updates: 'none', signer: { name: 'Sở Thử nghiệm A' } });
    expect(counts(first!) && counts(second!)).toBe(true);
  });

  it('an LTV update (/DSS) after signing keeps the document signed', async () => {
    const [s] = await verify(addDss(good, [pki.intermediate, pki.root]), trust);
    expect(s).toMatchObject({ status: 'valid', coverage: 'revision', updates: 'benign' });
    expect(counts(s!)).toBe(true);
  });

  it('an incremental update that rewrites the page content is a change after signing', async () => {
    const text = latin1(good);
    const page = /(\d+ 0) obj\s*<<[^]*?\/Type \/Page\b[^]*?>>\s*endobj/.exec(text)!;
    const body = page[0].replace(/^\d+ 0 obj/, '').replace(/endobj$/, '').replace(/\/Contents \d+ 0 R/, '/Contents 999 0 R');
    const changed = appendUpdate(good, [['999 0', '<< /Length 0 >>\nstream\n\nendstream'], [page[1]!, body]]);
    const [s] = await verify(changed, trust);
    expect(s).toMatchObject({ status: 'valid', coverage: 'revision', updates: 'content' });
    expect(counts(s!)).toBe(false);
  });

  it('bytes appended that are no incremental update are unknown, not benign', async () => {
    const [s] = await verify(Buffer.concat([good, Buffer.from('\n% them noi dung\n')]), trust);
    expect(s!.updates).toBe('unknown');
    expect(counts(s!)).toBe(false);
  });
});

describe('parseTrustStore', () => {
  it('reads every certificate and names a file that holds none', () => {
    const t = parseTrustStore([{ path: 'a.pem', text: pki.root.pem + pki.intermediate.pem }, { path: 'b.pem', text: 'khong phai' }]);
    expect(t.anchors).toHaveLength(2);
    expect(t.problems).toEqual([{ file: 'b.pem', message: expect.stringContaining('không chứa chứng thư số') }]);
  });
});
