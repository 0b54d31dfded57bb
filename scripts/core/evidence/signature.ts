// Cryptographic verification of a PDF's signatures (CMS/PKCS#7 SignedData in /Contents, over
// its /ByteRange): the message digest against the signed bytes, the signature against the
// signer's certificate, the signer, the signing time, the chain to the province's trust store,
// and what was appended after the signed revision. pkijs runs on WebCrypto, so the same code
// verifies in Node (CLI, gate) and in the browser (CMS, appraisal view). See docs/evidence.md.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { classifyUpdates } from './updates.js';
import type { TrustStore } from './trust.js';
import type { SignatureCheck, SignerInfo } from './verdict.js';

export type { SignatureCheck, SignerInfo } from './verdict.js';
export { counts } from './verdict.js';

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

const OID = {
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
};

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const nibble = (c: number) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);

/** The DER value at the start of the /Contents hex string, without the zero padding signers
 * reserve after it (often several KB, which asn1js would otherwise scan). */
function derFromHex(hex: string): Uint8Array<ArrayBuffer> {
  const clean = /\s/.test(hex) ? hex.replace(/\s+/g, '') : hex;
  const byte = (i: number) => (nibble(clean.charCodeAt(i * 2)) << 4) | nibble(clean.charCodeAt(i * 2 + 1));
  const total = clean.length >> 1;
  let len = total;
  // Outer SEQUENCE: 0x30, then a short or long-form length.
  if (total > 2 && byte(0) === 0x30) {
    const l = byte(1);
    if (l < 0x80) len = 2 + l;
    else if (l > 0x80 && l <= 0x84 && total > 2 + (l & 0x7f)) {
      let n = 0;
      for (let i = 0; i < (l & 0x7f); i++) n = n * 256 + byte(2 + i);
      len = Math.min(total, 2 + (l & 0x7f) + n);
    }
  }
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = byte(i);
  return out;
}

function nameOf(rdn: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const v = rdn.typesAndValues.find((t) => t.type === type)?.value as { valueBlock?: { value?: unknown } } | undefined;
  const s = v?.valueBlock?.value;
  return typeof s === 'string' ? s.normalize('NFC') : undefined;
}

function timeOf(v: unknown): Date | undefined {
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return undefined;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Parsed { certs: pkijs.Certificate[]; si: pkijs.SignerInfo }

// Certificates repeat from document to document (a province has a few dozen signers): parsed
// once each. pkijs's SignedData constructor rebuilds and matches the schema of every embedded
// certificate on each call, which made verification cost 6× the rest of `validate` on the
// sample repository (docs/evidence.md); walking the SignedData with asn1js and parsing only the
// signer info through pkijs avoids it.
const certCache = new Map<string, pkijs.Certificate>();

function hexKey(view: Uint8Array): string {
  let out = '';
  for (let i = 0; i < view.length; i++) out += (view[i]! < 16 ? '0' : '') + view[i]!.toString(16);
  return out;
}

/** One DER element: its tag byte and where its content starts and ends. */
interface Tlv { tag: number; at: number; start: number; end: number; next: number }

function tlv(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at]!;
  let len = der[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
    start += n;
  }
  const end = start + len;
  return end > limit ? undefined : { tag, at, start, end, next: end };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = tlv(der, at, parent.end);
    if (!t) return [];
    out.push(t);
    at = t.next;
  }
  return out;
}

const SIGNED_DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);

/** Splits the CMS into its certificates and first signer info by their DER spans; asn1js and
 * pkijs then parse the signer info, and each certificate only the first time it is seen. */
function parseSignedData(der: Uint8Array<ArrayBuffer>): Parsed | undefined {
  const ci = tlv(der, 0, der.length);
  if (!ci || ci.tag !== 0x30) return undefined;
  const [oid, wrapped] = children(der, ci);
  if (!oid || !wrapped || wrapped.tag !== 0xa0) return undefined;
  const oidBytes = der.subarray(oid.at, oid.end);
  if (oidBytes.length !== SIGNED_DATA_OID.length || !oidBytes.every((x, i) => x === SIGNED_DATA_OID[i])) return undefined;
  const sd = tlv(der, wrapped.start, wrapped.end);
  if (!sd || sd.tag !== 0x30) return undefined;
  const certs: pkijs.Certificate[] = [];
  let signerInfos: Tlv | undefined;
  for (const part of children(der, sd)) {
    if (part.tag === 0xa0) {
      for (const c of children(der, part)) {
        if (c.tag !== 0x30) continue;
        const whole = der.slice(c.at, c.end);
        const key = hexKey(whole);
        let cert = certCache.get(key);
        if (!cert) {
          cert = pkijs.Certificate.fromBER(whole);
          if (certCache.size < 10_000) certCache.set(key, cert);
        }
        certs.push(cert);
      }
    } else if (part.tag === 0x31) signerInfos = part;
  }
  const first = signerInfos && tlv(der, signerInfos.start, signerInfos.end);
  if (!first) return undefined;
  return { certs, si: pkijs.SignerInfo.fromBER(der.slice(first.at, first.end)) };
}

/** WebCrypto keys of signer certificates, imported once per certificate and hash. */
const keyCache = new Map<string, Promise<CryptoKey | null>>();

const RSA_OIDS = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13']);

async function verifySignerInfo(si: pkijs.SignerInfo, cert: pkijs.Certificate, signed: BufferSource, hash: string): Promise<boolean> {
  const rsa = RSA_OIDS.has(si.signatureAlgorithm.algorithmId) && cert.subjectPublicKeyInfo.algorithm.algorithmId === '1.2.840.113549.1.1.1';
  if (!rsa) return pkijs.getCrypto(true).verifyWithPublicKey(signed, si.signature, cert.subjectPublicKeyInfo, si.signatureAlgorithm, hash);
  const id = `${hexKey(new Uint8Array(cert.signatureValue.valueBlock.valueHexView))}|${hash}`;
  let key = keyCache.get(id);
  if (!key) {
    key = globalThis.crypto.subtle.importKey('spki', cert.subjectPublicKeyInfo.toSchema().toBER(false), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']).catch(() => null);
    if (keyCache.size < 10_000) keyCache.set(id, key);
  }
  const k = await key;
  if (!k) return false;
  return globalThis.crypto.subtle.verify('RSASSA-PKCS1-v1_5', k, si.signature.valueBlock.valueHexView as Uint8Array<ArrayBuffer>, signed);
}

/** The certificate whose issuer and serial number the signer info names. */
function signerCertificate(certs: pkijs.Certificate[], si: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const sid = si.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const bySerial = certs.filter((c) => c.serialNumber.isEqual(sid.serialNumber));
    // Some signers (node-forge among them) write the issuer's UTF-8 strings encoded twice, so
    // the names differ byte for byte; a lone certificate with the serial is then the signer's.
    // Choosing it is safe: the signature below must still verify with its key.
    return bySerial.find((c) => c.issuer.isEqual(sid.issuer)) ?? (bySerial.length === 1 ? bySerial[0] : undefined);
  }
  return certs[0];
}

/** genTime of an RFC 3161 timestamp token carried as an unsigned attribute. */
function timestampTime(si: pkijs.SignerInfo): Date | undefined {
  const attr = si.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken);
  if (!attr) return undefined;
  try {
    const ci = new pkijs.ContentInfo({ schema: attr.values[0] });
    const sd = new pkijs.SignedData({ schema: ci.content });
    const octets = sd.encapContentInfo.eContent;
    if (!octets) return undefined;
    const tst = pkijs.TSTInfo.fromBER(octets.getValue());
    return tst.genTime;
  } catch {
    return undefined;
  }
}

async function chainTrusted(cert: pkijs.Certificate, certs: pkijs.Certificate[], trust: TrustStore, at: Date): Promise<boolean> {
  if (!trust.anchors.length) return false;
  // One verdict per signer certificate and day: the chain's validity periods are days apart.
  const key = `${hexKey(new Uint8Array(cert.signatureValue.valueBlock.valueHexView))}|${at.toISOString().slice(0, 10)}`;
  let hit = trust.verdicts.get(key);
  if (!hit) {
    hit = validateChain(cert, certs, trust, at);
    trust.verdicts.set(key, hit);
  }
  return hit;
}

async function validateChain(cert: pkijs.Certificate, certs: pkijs.Certificate[], trust: TrustStore, at: Date): Promise<boolean> {
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: trust.anchors, certs: [cert, ...certs.filter((c) => c !== cert)], checkDate: at });
  try {
    return (await engine.verify()).result === true;
  } catch {
    return false;
  }
}

/** Verifies one signature whose /Contents hole is bytes [b, c) of the file. */
async function verifyOne(bytes: Uint8Array, text: string, range: [number, number, number, number], trust: TrustStore): Promise<SignatureCheck> {
  const [a, b, c, d] = range;
  const end = c + d;
  const coverage = end >= bytes.length ? 'whole' : 'revision';
  const updates = classifyUpdates(text, end);
  const base = { coverage, updates } as const;
  let parsed: Parsed | undefined;
  try {
    parsed = parseSignedData(derFromHex(text.slice(b + 1, c - 1)));
  } catch {
    parsed = undefined;
  }
  if (!parsed) return { status: 'malformed', ...base };
  const { certs, si } = parsed;
  const cert = signerCertificate(certs, si);
  const signer: SignerInfo | undefined = cert && {
    name: nameOf(cert.subject, OID.commonName),
    organization: nameOf(cert.subject, OID.organization),
    issuer: nameOf(cert.issuer, OID.commonName) ?? nameOf(cert.issuer, OID.organization),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
  };
  const attrs = si.signedAttrs?.attributes ?? [];
  const stamped = timestampTime(si);
  const claimed = timeOf(attrs.find((x) => x.type === OID.signingTime)?.values[0]);
  const when = stamped ?? claimed;
  const timing = when ? { signingTime: when.toISOString(), timeSource: stamped ? 'timestamp' as const : 'attribute' as const } : {};
  const who = signer ? { signer } : {};
  if (!cert) return { status: 'bad-signature', ...base, ...timing };

  // The signed bytes: everything but the /Contents hole of this revision.
  const data: Uint8Array<ArrayBuffer> = new Uint8Array(b - a + d);
  data.set(bytes.subarray(a, b), 0);
  data.set(bytes.subarray(c, end), b - a);
  const algorithm = HASHES[si.digestAlgorithm.algorithmId];
  const declared = attrs.find((x) => x.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  if (algorithm && declared) {
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>));
    if (!equal(digest, new Uint8Array(declared.valueBlock.valueHexView))) return { status: 'digest-mismatch', ...base, ...who, ...timing };
  }
  // Verified against the certificate found above rather than through SignedData.verify, which
  // looks the signer up by exact issuer bytes (see signerCertificate).
  let ok = false;
  try {
    ok = await verifySignerInfo(si, cert, si.signedAttrs ? si.signedAttrs.encodedValue : data, algorithm ?? 'SHA-256');
  } catch {
    ok = false;
  }
  if (!ok) return { status: 'bad-signature', ...base, ...who, ...timing };
  const at = when ?? cert.notBefore.value;
  const certificateValid = at >= cert.notBefore.value && at <= cert.notAfter.value;
  // Trust is judged inside the leaf's validity period so an expired certificate is reported
  // once, as expired, not also as untrusted.
  const inside = new Date(Math.min(Math.max(at.getTime(), cert.notBefore.value.getTime()), cert.notAfter.value.getTime()));
  const trusted = await chainTrusted(cert, certs, trust, inside);
  return { status: 'valid', ...base, ...who, ...timing, certificateValid, trusted };
}

/** Every signature of the file (in file order), verified; [] when it has none. */
export async function verifySignatures(bytes: Uint8Array, text: string, trust: TrustStore): Promise<SignatureCheck[]> {
  const out: SignatureCheck[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const range = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const [a, b, c, d] = range;
    if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) continue;
    const hex = text.slice(b + 1, c - 1);
    if (!/^[0-9a-fA-F\s]*$/.test(hex) || /^[0\s]*$/.test(hex)) continue;
    out.push(await verifyOne(bytes, text, range, trust));
  }
  return out;
}

