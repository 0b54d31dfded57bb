// Writes the sample evidence PDFs (content/evidence/<year>/<unit>/<number>.pdf): one small page
// per document (ASCII text: the standard PDF fonts have no Vietnamese glyphs and no font package
// is installed), digitally signed with a self-signed PKCS#12 certificate per issuer, generated at
// run time from a fixed seed. Signing is deterministic (fixed key, fixed signing time, RSA
// PKCS#1 v1.5), so re-running gives byte-identical files and unchanged sha256 in the YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import forge from 'node-forge';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { ascii, forgePrng, rng } from './lib.js';
import { DOC_TYPE_NAMES, SAMPLE_UNITS } from './templates.js';
import { buildPlans, repoRoot, type PlannedDoc } from './generate-self-assessments.js';

interface Signer { p12: Buffer; name: string; /** Hex digits reserved for the CMS signature. */ length: number }
const signers = new Map<string, Signer>();

async function signerFor(id: string): Promise<Signer> {
  const cached = signers.get(id);
  if (cached) return cached;
  const name = id === 'province' ? 'UBND tinh Thai Nguyen' : ascii(SAMPLE_UNITS[id]?.issuer ?? id);
  // Deterministic key: node-forge draws the primes from our seeded byte stream.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001, prng: forgePrng(`parindex-sample-key:${id}`) } as forge.pki.rsa.GenerateKeyPairOptions);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + createHash('sha256').update(id).digest('hex').slice(0, 14);
  cert.validity.notBefore = new Date('2021-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2026-12-31T23:59:59Z');
  const attrs = [
    { name: 'commonName', value: `${name} (chu ky mau)` },
    { name: 'organizationName', value: 'parindex - du lieu mau' },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  // The PKCS#12 container is only an input to the signer (its random salt never reaches the PDF).
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], '', { algorithm: '3des', count: 1, useMac: false });
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

async function render(doc: PlannedDoc): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const meta = SAMPLE_UNITS[doc.unit];
  const runs: Run[] = [];
  const province = doc.kind.province;
  // Header: issuing body (left), national motto (right).
  const left = 150;
  const right = 410;
  if (province) {
    centered(runs, 'UY BAN NHAN DAN', bold, 10, left, 790);
    centered(runs, 'TINH THAI NGUYEN', bold, 10, left, 777);
  } else if (meta?.kind === 'district') {
    centered(runs, 'UY BAN NHAN DAN', bold, 10, left, 790);
    centered(runs, ascii(meta.subject.replace(/^UBND /, '')).toUpperCase(), bold, 10, left, 777);
  } else {
    centered(runs, 'UBND TINH THAI NGUYEN', regular, 10, left, 790);
    centered(runs, ascii(meta?.subject ?? doc.issuer).toUpperCase(), bold, 10, left, 777);
  }
  centered(runs, 'CONG HOA XA HOI CHU NGHIA VIET NAM', bold, 10, right, 790);
  centered(runs, 'Doc lap - Tu do - Hanh phuc', bold, 10, right, 777);
  centered(runs, `So: ${ascii(doc.number)}`, regular, 10, left, 755);
  const [y, mo, d] = doc.date.split('-');
  const place = !province && meta?.kind === 'district' ? ascii(meta.subject.replace(/^UBND (huyện|thành phố) /, '')) : 'Thai Nguyen';
  centered(runs, `${place}, ngay ${d} thang ${mo} nam ${y}`, regular, 10, right, 755);
  // Title.
  let cursor = 715;
  centered(runs, ascii(DOC_TYPE_NAMES[doc.kind.type]).toUpperCase(), bold, 13, 297, cursor);
  cursor -= 18;
  for (const line of wrap(ascii(doc.title), bold, 11, 430)) {
    centered(runs, line, bold, 11, 297, cursor);
    cursor -= 15;
  }
  cursor -= 14;
  runs.push({ text: 'Noi dung duoc trich dan lam tai lieu kiem chung:', x: 70, y: cursor, size: 10, font: regular });
  cursor -= 16;
  for (const s of doc.sections.slice(0, 24)) {
    for (const [i, line] of wrap(`- ${ascii(s)}`, regular, 9.5, 455).entries()) {
      runs.push({ text: i ? `  ${line}` : line, x: 70, y: cursor, size: 9.5, font: regular });
      cursor -= 13;
    }
  }
  // Signature block.
  cursor = Math.min(cursor - 20, 220);
  centered(runs, ascii(doc.issuer).toUpperCase(), bold, 10, right, cursor);
  centered(runs, doc.signer ? '(Da ky so)' : '(Ban scan, chua ky so)', regular, 9.5, right, cursor - 14);
  runs.push({ text: 'TAI LIEU MAU do phan mem parindex sinh ra de minh hoa - khong phai van ban chinh thuc.', x: 70, y: 50, size: 8, font: regular });
  runs.push({ text: 'Noi dung tieng Viet duoc viet khong dau vi phong chu chuan cua PDF khong co ky tu tieng Viet.', x: 70, y: 39, size: 8, font: regular });
  drawRuns(page, runs);

  if (!doc.signer) return Buffer.from(await pdf.save({ useObjectStreams: false }));
  const signer = await signerFor(doc.signer);
  const when = signingTime(doc);
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason: `Ky so van ban ${ascii(doc.number)}`,
    contactInfo: 'van-thu@example.invalid',
    name: signer.name,
    location: 'Thai Nguyen, Viet Nam',
    signingTime: when,
    signatureLength: signer.length,
  });
  const unsigned = Buffer.from(await pdf.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new P12Signer(signer.p12), when);
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
  return hashes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const plans = buildPlans(repoRoot);
  const hashes = await makeEvidence(repoRoot, plans.flatMap((p) => p.docs));
  console.log(`${hashes.size} PDF`);
}
