// Writes the sample evidence PDFs (content/evidence/<year>/<unit>/<number>.pdf): one page per
// document in the standard administrative layout, in Vietnamese (Noto Serif embedded, so the
// header can be read back from the text layer), digitally signed by a certificate per issuer
// that chains to a sample CA (root → "CA chuyên dùng" intermediate), whose root is the sample
// trust store content/trust/ca-mau-parindex.pem. A third of the signed documents carry a second
// signature, the provincial office's, added as an incremental update. Keys come from a fixed
// seed and signing is deterministic (fixed signing time, RSA PKCS#1 v1.5), so re-running gives
// byte-identical files and unchanged sha256 in the YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import forge from 'node-forge';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { ascii, forgePrng, rng } from './lib.js';
import { vietnameseFonts } from './fonts.js';
import { DOC_TYPE_NAMES, SAMPLE_UNITS } from './templates.js';
import { buildPlans, repoRoot, type PlannedDoc } from './generate-self-assessments.js';

interface Signer { p12: Buffer; name: string; /** Hex digits reserved for the CMS signature. */ length: number }
const signers = new Map<string, Signer>();

interface Authority { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }
let authorities: { root: Authority; ca: Authority } | undefined;

const serialOf = (id: string) => '01' + createHash('sha256').update(id).digest('hex').slice(0, 14);

/** A certificate for `subject`, issued by `issuer` (self-signed without one), from a seeded key. */
function certify(id: string, subject: forge.pki.CertificateField[], issuer: Authority | undefined, ca: boolean, notBefore: string, notAfter: string): Authority {
  // Deterministic key: node-forge draws the primes from our seeded byte stream.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001, prng: forgePrng(`parindex-sample-key:${id}`) } as forge.pki.rsa.GenerateKeyPairOptions);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialOf(id);
  cert.validity.notBefore = new Date(notBefore);
  cert.validity.notAfter = new Date(notAfter);
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions(ca
    ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
    : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign((issuer?.key ?? keys.privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

/** The sample CA chain. CA names stay ASCII: node-forge's PKCS#7 writes the issuer name of the
 * signer info with its UTF-8 encoded twice, which strict verifiers would not match. */
function sampleAuthorities() {
  if (authorities) return authorities;
  const o = { name: 'organizationName', value: 'parindex - du lieu mau' };
  const root = certify('root-ca', [{ name: 'commonName', value: 'Root CA mau parindex' }, o, { name: 'countryName', value: 'VN' }], undefined, true, '2020-01-01T00:00:00Z', '2040-12-31T23:59:59Z');
  const ca = certify('ca-chuyen-dung', [{ name: 'commonName', value: 'CA chuyen dung mau parindex' }, o, { name: 'countryName', value: 'VN' }], root, true, '2020-01-01T00:00:00Z', '2035-12-31T23:59:59Z');
  authorities = { root, ca };
  return authorities;
}

/** PEM of the sample root CA: the sample trust store (content/trust/). */
export function sampleTrustPem(): string {
  return forge.pki.certificateToPem(sampleAuthorities().root.cert);
}

async function signerFor(id: string): Promise<Signer> {
  const cached = signers.get(id);
  if (cached) return cached;
  const name = id === 'province' ? 'UBND tỉnh Thái Nguyên' : id === 'office' ? 'Văn phòng UBND tỉnh Thái Nguyên' : (SAMPLE_UNITS[id]?.issuer ?? id);
  const { ca } = sampleAuthorities();
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const leaf = certify(id, [
    { name: 'commonName', value: `${name} (chữ ký mẫu)`, valueTagClass: utf8 },
    { name: 'organizationName', value: 'parindex - dữ liệu mẫu', valueTagClass: utf8 },
    { name: 'countryName', value: 'VN' },
  ], ca, false, '2021-01-01T00:00:00Z', '2026-12-31T23:59:59Z');
  // The PKCS#12 container is only an input to the signer (its random salt never reaches the PDF).
  const p12 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ca.cert], '', { algorithm: '3des', count: 1, useMac: false });
  const der = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  // The CMS signature has the same length for every document of a signer (fixed certificate,
  // fixed-length attributes): measure it once and reserve just that, to keep the files small.
  const probe = await new P12Signer(der).sign(Buffer.from('probe'), new Date('2023-01-01T00:00:00Z'));
  const signer = { p12: der, name, length: probe.length * 2 + 32 };
  signers.set(id, signer);
  return signer;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text runs collected first, then drawn grouped by font: pdf-lib adds a font resource per font switch. */
interface Run { text: string; x: number; y: number; size: number; font: PDFFont }

function centered(runs: Run[], text: string, font: PDFFont, size: number, cx: number, y: number) {
  runs.push({ text, x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font });
}

function drawRuns(page: PDFPage, runs: Run[]) {
  for (const font of [...new Set(runs.map((r) => r.font))]) {
    page.setFont(font);
    for (const r of runs.filter((x) => x.font === font)) page.drawText(r.text, { x: r.x, y: r.y, size: r.size });
  }
}

/** pdf-lib names font resources with Math.random(); seed it so the bytes are reproducible. */
async function withSeededRandom<T>(seed: string, body: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = rng(seed).next;
  try {
    return await body();
  } finally {
    Math.random = original;
  }
}

/** The signing instant: the document date, a few minutes after 08:00 local time. */
function signingTime(doc: PlannedDoc): Date {
  const minutes = parseInt(createHash('sha256').update(doc.file).digest('hex').slice(0, 4), 16) % 480;
  const h = 8 + Math.floor(minutes / 60);
  const m = minutes % 60;
  return new Date(`${doc.date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`);
}

export function renderPdf(doc: PlannedDoc): Promise<Buffer> {
  return withSeededRandom(`pdf:${doc.file}`, () => render(doc));
}

/** A third of the signed documents (chosen by their file name) also carry the provincial office's signature. */
export function countersigned(doc: PlannedDoc): boolean {
  return !!doc.signer && parseInt(createHash('sha256').update(`second:${doc.file}`).digest('hex').slice(0, 4), 16) % 3 === 0;
}

async function render(doc: PlannedDoc): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([595.28, 841.89]);
  const { regular, bold } = await vietnameseFonts(pdf);
  const meta = SAMPLE_UNITS[doc.unit];
  const runs: Run[] = [];
  const province = doc.kind.province;
  // Header: issuing body (left), national motto (right).
  const left = 150;
  const right = 410;
  if (province) {
    centered(runs, 'ỦY BAN NHÂN DÂN', bold, 10, left, 790);
    centered(runs, 'TỈNH THÁI NGUYÊN', bold, 10, left, 777);
  } else if (meta?.kind === 'district') {
    centered(runs, 'ỦY BAN NHÂN DÂN', bold, 10, left, 790);
    centered(runs, meta.subject.replace(/^UBND /, '').toUpperCase(), bold, 10, left, 777);
  } else {
    centered(runs, 'UBND TỈNH THÁI NGUYÊN', regular, 10, left, 790);
    centered(runs, (meta?.subject ?? doc.issuer).toUpperCase(), bold, 10, left, 777);
  }
  centered(runs, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 10, right, 790);
  centered(runs, 'Độc lập - Tự do - Hạnh phúc', bold, 10, right, 777);
  centered(runs, `Số: ${doc.number}`, regular, 10, left, 755);
  const [y, mo, d] = doc.date.split('-');
  const place = !province && meta?.kind === 'district' ? meta.subject.replace(/^UBND (huyện|thành phố) /, '') : 'Thái Nguyên';
  centered(runs, `${place}, ngày ${d} tháng ${mo} năm ${y}`, regular, 10, right, 755);
  // Title.
  let cursor = 715;
  centered(runs, DOC_TYPE_NAMES[doc.kind.type].toUpperCase(), bold, 13, 297, cursor);
  cursor -= 18;
  for (const line of wrap(doc.title, bold, 11, 430)) {
    centered(runs, line, bold, 11, 297, cursor);
    cursor -= 15;
  }
  cursor -= 14;
  runs.push({ text: 'Nội dung được trích dẫn làm tài liệu kiểm chứng:', x: 70, y: cursor, size: 10, font: regular });
  cursor -= 16;
  for (const s of doc.sections.slice(0, 24)) {
    for (const [i, line] of wrap(`- ${s}`, regular, 9.5, 455).entries()) {
      runs.push({ text: i ? `  ${line}` : line, x: 70, y: cursor, size: 9.5, font: regular });
      cursor -= 13;
    }
  }
  // Signature block.
  cursor = Math.min(cursor - 20, 220);
  centered(runs, doc.issuer.toUpperCase(), bold, 10, right, cursor);
  centered(runs, doc.signer ? '(Đã ký số)' : '(Bản scan, chưa ký số)', regular, 9.5, right, cursor - 14);
  runs.push({ text: 'TÀI LIỆU MẪU do phần mềm parindex sinh ra để minh họa - không phải văn bản chính thức.', x: 70, y: 50, size: 8, font: regular });
  drawRuns(page, runs);

  if (!doc.signer) return Buffer.from(await pdf.save({ useObjectStreams: false }));
  const signer = await signerFor(doc.signer);
  const when = signingTime(doc);
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: `Ky so van ban ${ascii(doc.number)}`,
    contactInfo: 'van-thu@example.invalid',
    name: ascii(signer.name),
    location: 'Thai Nguyen, Viet Nam',
    signingTime: when,
    signatureLength: signer.length,
  });
  const unsigned = Buffer.from(await pdf.save({ useObjectStreams: false }));
  const signed = await new SignPdf().sign(unsigned, new P12Signer(signer.p12), when);
  if (!countersigned(doc)) return signed;
  // The office's signature an hour later, appended as an incremental update: the first
  // signature keeps covering its revision (docs/evidence.md).
  const office = await signerFor('office');
  const later = new Date(when.getTime() + 3600_000);
  const prepared = plainAddPlaceholder({ pdfBuffer: signed, reason: 'Ky so cua co quan', contactInfo: 'van-thu@example.invalid', name: ascii(office.name), location: 'Thai Nguyen, Viet Nam', signingTime: later, signatureLength: office.length });
  return new SignPdf().sign(prepared, new P12Signer(office.p12), later);
}
/** Writes every document's PDF; returns file → sha256 of the bytes written. */
export async function makeEvidence(root: string, docs: PlannedDoc[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const doc of docs) {
    if (hashes.has(doc.file)) continue;
    const bytes = await renderPdf(doc);
    const abs = join(root, doc.file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, bytes);
    hashes.set(doc.file, createHash('sha256').update(bytes).digest('hex'));
  }
  const trust = join(root, 'content', 'trust');
  mkdirSync(trust, { recursive: true });
  writeFileSync(join(trust, 'ca-mau-parindex.pem'), sampleTrustPem());
  return hashes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const plans = buildPlans(repoRoot);
  const hashes = await makeEvidence(repoRoot, plans.flatMap((p) => p.docs));
  console.log(`${hashes.size} PDF`);
}
