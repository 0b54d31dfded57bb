// A throwaway PKI for signature tests: a root CA, an intermediate and leaf certificates
// (node-forge, keys from node:crypto for speed), and PDFs signed with them by @signpdf, with a
// second signature or an LTV (/DSS) section appended as incremental updates, as real
// Vietnamese documents carry them.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import signpdfModule from '@signpdf/signpdf';
import { vietnameseFonts } from '../../scripts/sample/fonts.js';

const signpdf = (signpdfModule as unknown as { default?: typeof signpdfModule }).default ?? signpdfModule;

export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: string;
}

let serial = 1;

function keys(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey, privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey };
}

export function issue(subject: { cn: string; o?: string }, options: { issuer?: Issued; ca?: boolean; notBefore?: string; notAfter?: string } = {}): Issued {
  const k = keys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = new Date(options.notBefore ?? '2020-01-01T00:00:00Z');
  cert.validity.notAfter = new Date(options.notAfter ?? '2035-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: subject.cn }, ...(subject.o ? [{ name: 'organizationName', value: subject.o }] : []), { name: 'countryName', value: 'VN' }];
  cert.setSubject(attrs.map((a) => ({ ...a, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class })));
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : cert.subject.attributes);
  cert.setExtensions(options.ca
    ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
    : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(options.issuer?.key ?? k.privateKey, forge.md.sha256.create());
  return { cert, key: k.privateKey, pem: forge.pki.certificateToPem(cert) };
}

export interface TestPki { root: Issued; intermediate: Issued; leaf: Issued; expired: Issued; stranger: Issued; org: Issued }

let pki: TestPki | undefined;

/** One PKI per test process: a trusted root → intermediate → leaves, and a stranger's self-signed CA's leaf. */
export function testPki(): TestPki {
  if (pki) return pki;
  const root = issue({ cn: 'Root CA Thử nghiệm', o: 'Ban Cơ yếu Thử nghiệm' }, { ca: true });
  const intermediate = issue({ cn: 'CA Chuyên dùng Thử nghiệm', o: 'Ban Cơ yếu Thử nghiệm' }, { ca: true, issuer: root });
  const leaf = issue({ cn: 'Nguyễn Văn An', o: 'Sở Thử nghiệm A' }, { issuer: intermediate });
  const org = issue({ cn: 'Sở Thử nghiệm A', o: 'UBND tỉnh Thử nghiệm' }, { issuer: intermediate });
  const expired = issue({ cn: 'Trần Thị Bình', o: 'Sở Thử nghiệm A' }, { issuer: intermediate, notBefore: '2020-01-01T00:00:00Z', notAfter: '2022-12-31T23:59:59Z' });
  const strangerCa = issue({ cn: 'CA Tự lập' }, { ca: true });
  const stranger = issue({ cn: 'Người lạ', o: 'Không rõ' }, { issuer: strangerCa });
  pki = { root, intermediate, leaf, expired, stranger, org };
  return pki;
}

export function p12(who: Issued, chain: Issued[]): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(who.key, [who.cert, ...chain.map((c) => c.cert)], '', { algorithm: '3des', useMac: false });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

const SIGNED_AT = new Date('2023-11-12T02:00:00Z');

/** A one-page PDF (standard font, ASCII text) signed by `who` over the whole file. */
export async function signedPdf(lines: string[], who: Issued, chain: Issued[], when = SIGNED_AT): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 300]);
  lines.forEach((l, i) => page.drawText(l, { x: 20, y: 260 - i * 16, size: 11, font }));
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Ky so', contactInfo: 'x@example.vn', name: 'Test', location: 'TN', signatureLength: 8192, signingTime: when });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return signpdf.sign(unsigned, new P12Signer(p12(who, chain)), when);
}

export interface DocSpec { number: string; date: string; title: string; issuer?: string; place?: string; /** false: a scan, no text layer. */ text?: boolean }

/** A one-page administrative document in the standard layout (Noto Serif, Vietnamese text layer). */
export async function documentPdf(spec: DocSpec): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(new Date(`${spec.date}T00:00:00Z`));
  const page = doc.addPage([595, 420]);
  if (spec.text === false) {
    // A scanned page: only an image-like rectangle, no text operators.
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 340, borderWidth: 1 });
    return doc;
  }
  const { regular, bold } = await vietnameseFonts(doc);
  const [y, m, d] = spec.date.split('-');
  page.drawText('UBND TỈNH THỬ NGHIỆM', { x: 60, y: 380, size: 10, font: regular });
  page.drawText((spec.issuer ?? 'Sở Thử nghiệm A').toUpperCase(), { x: 60, y: 366, size: 10, font: bold });
  page.drawText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: 300, y: 380, size: 10, font: bold });
  page.drawText('Độc lập - Tự do - Hạnh phúc', { x: 340, y: 366, size: 10, font: bold });
  page.drawText(`Số: ${spec.number}`, { x: 80, y: 344, size: 10, font: regular });
  page.drawText(`${spec.place ?? 'Thử nghiệm'}, ngày ${d} tháng ${m} năm ${y}`, { x: 320, y: 344, size: 10, font: regular });
  page.drawText(spec.title, { x: 60, y: 300, size: 12, font: bold });
  return doc;
}

/** `doc` signed by `who` over the whole file. */
export async function signDocument(doc: PDFDocument, who: Issued, chain: Issued[], when: Date): Promise<Buffer> {
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Ky so', contactInfo: 'x@example.vn', name: 'Test', location: 'TN', signatureLength: 8192, signingTime: when });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return signpdf.sign(unsigned, new P12Signer(p12(who, chain)), when);
}

/** Adds a second signature by `who` as an incremental update (the organisation's after the signer's). */
export async function countersign(pdf: Buffer, who: Issued, chain: Issued[], when = new Date(SIGNED_AT.getTime() + 3600_000)): Promise<Buffer> {
  const prepared = plainAddPlaceholder({ pdfBuffer: pdf, reason: 'Ky so to chuc', contactInfo: 'x@example.vn', name: 'To chuc', location: 'TN', signatureLength: 8192, signingTime: when });
  return signpdf.sign(prepared, new P12Signer(p12(who, chain)), when);
}

/** The catalog object number and trailer facts of the last revision (classic xref table). */
function lastRevision(text: string): { size: number; root: string; startxref: number } {
  const size = Number([...text.matchAll(/\/Size\s+(\d+)/g)].pop()![1]);
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+)\s+R/g)].pop()![1]!;
  const startxref = Number([...text.matchAll(/startxref\s+(\d+)/g)].pop()![1]);
  return { size, root, startxref };
}

/** Appends an incremental update redefining objects (`num` → body) and adding new ones. */
export function appendUpdate(pdf: Buffer, objects: [string, string][], extra: Record<string, string> = {}): Buffer {
  const text = pdf.toString('latin1');
  const { size, startxref } = lastRevision(text);
  let out = text.endsWith('\n') ? text : `${text}\n`;
  const offsets: [number, number][] = [];
  for (const [num, body] of objects) {
    offsets.push([Number(num.split(' ')[0]), out.length]);
    out += `${num} obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += 'xref\n';
  for (const [n, off] of offsets.sort((a, b) => a[0] - b[0])) out += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, ...offsets.map(([n]) => n + 1));
  const root = lastRevision(text).root;
  out += `trailer\n<< /Size ${newSize} /Root ${root} R /Prev ${startxref} ${Object.entries(extra).map(([k, v]) => `/${k} ${v}`).join(' ')}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An LTV update: a /DSS with the signer's chain, referenced from a re-written catalog. */
export function addDss(pdf: Buffer, certs: Issued[]): Buffer {
  const text = pdf.toString('latin1');
  const { size, root } = lastRevision(text);
  const catalog = new RegExp(`(?:^|[^0-9])${root.replace(' ', '\\s+')}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)!;
  const streams: [string, string][] = certs.map((c, i) => {
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(c.cert)).getBytes();
    return [`${size + 1 + i} 0`, `<< /Length ${der.length} >>\nstream\n${der}\nendstream`];
  });
  const dss: [string, string] = [`${size} 0`, `<< /Type /DSS /Certs [${streams.map(([n]) => `${n} R`).join(' ')}] >>`];
  const body = catalog[1]!.replace(/\/DSS\s+\d+\s+\d+\s+R/, '');
  return appendUpdate(pdf, [[root, `<<${body} /DSS ${size} 0 R >>`], dss, ...streams]);
}

/** The page size changed in place (the last digit of /MediaBox): the file length stays, so
 * only the digest can tell. */
export function tamperInPlace(pdf: Buffer): Buffer {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const close = text.indexOf(']', text.indexOf('/MediaBox'));
  let i = close - 1;
  while (text[i] === ' ') i--;
  out[i] = out[i] === 0x31 ? 0x32 : 0x31;
  return out;
}

/** Signature bytes replaced by random hex of the same length. */
export function randomSignature(pdf: Buffer, seed = 7): Buffer {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+\d+\s*\]/.exec(text)!;
  const [b, c] = [Number(m[1]), Number(m[2])];
  let x = seed;
  const hex = Array.from({ length: c - b - 2 }, () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 16).toString(16)).join('');
  return Buffer.from(text.slice(0, b + 1) + hex + text.slice(c - 1), 'latin1');
}
