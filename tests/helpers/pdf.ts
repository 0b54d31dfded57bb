// Real PDFs for tests: pdf-lib draws the page; @signpdf signs it with a throwaway self-signed
// certificate, producing a genuine /Sig dictionary whose /ByteRange covers the file.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdfModule from '@signpdf/signpdf';
import forge from 'node-forge';

let p12: Buffer | undefined;

function certificate(): Buffer {
  if (p12) return p12;
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2023-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2033-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: 'Test Signer' }, { name: 'countryName', value: 'VN' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], '', { algorithm: '3des' });
  p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  return p12;
}

export async function makePdf(title: string, options: { sign?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([300, 200]);
  page.drawText(title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'), { x: 20, y: 150, size: 12, font });
  doc.setCreationDate(new Date('2023-11-01T00:00:00Z'));
  doc.setModificationDate(new Date('2023-11-01T00:00:00Z'));
  if (!options.sign) return doc.save({ useObjectStreams: false });
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Ky so', contactInfo: 'test@example.vn', name: 'Test', location: 'Thai Nguyen', signatureLength: 4096 });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signpdf = (signpdfModule as unknown as { default?: typeof signpdfModule }).default ?? signpdfModule;
  const signed = await signpdf.sign(unsigned, new P12Signer(certificate()));
  return new Uint8Array(signed);
}
