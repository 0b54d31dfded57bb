// An evidence upload: the bytes are hashed in the browser (WebCrypto, the same sha256Hex the
// rules use) and the file is named after its content, so the same document uploaded twice is one
// file and a name can never point at different bytes (Decap's "replace?" prompt never appears).
import { inspectPdf, sha256Hex } from '../../scripts/core/evidence/pdf.js';
import { evidenceFolder } from '../../scripts/core/kinds.js';

export interface PreparedUpload {
  name: string;
  path: string;
  sha256: string;
  bytes: Uint8Array;
  isPdf: boolean;
}

/** "Báo cáo 55/BC (bản ký).PDF" → "bao-cao-55-bc-ban-ky". */
export function fileStem(name: string): string {
  const base = name.replace(/\.[^.]*$/, '');
  const ascii = base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'tai-lieu';
}

export async function prepareUpload(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }, year: number, unit: string): Promise<PreparedUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const name = `${fileStem(file.name)}-${sha256.slice(0, 12)}.pdf`;
  return { name, path: `${evidenceFolder(year, unit)}${name}`, sha256, bytes, isPdf: inspectPdf(bytes).isPdf };
}
