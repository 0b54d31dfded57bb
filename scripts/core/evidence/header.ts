// The document's own header, read from the text layer of its first page: the "Số: …" number
// and the "…, ngày … tháng … năm …" date of the standard administrative layout (Nghị định
// 30/2020/NĐ-CP), to compare with what the unit declared. pdfjs-dist parses the PDF; it is
// loaded on first use (it is the costly part of checking evidence, see docs/evidence.md) and
// runs its "fake worker" in the calling thread, the same way in Node and in the browser.

export interface DocumentHeader {
  /** The first page has a text layer (false: a scan, nothing to compare). */
  text: boolean;
  number?: string;
  /** YYYY-MM-DD. */
  date?: string;
}

/** Accepts the header with or without diacritics (documents typed without a Vietnamese font). */
const NUMBER = /\bS[ốốoÔô]\s*:\s*([0-9][^\s,;]*(?:\s*\/\s*[^\s,;]+)*)/iu;
const DATE = /ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s+n[ăa]m\s+(\d{4})/iu;

/** Number and date from the page's text, lines in reading order. */
export function parseHeaderText(text: string): Omit<DocumentHeader, 'text'> {
  const t = text.normalize('NFC');
  const out: Omit<DocumentHeader, 'text'> = {};
  const n = NUMBER.exec(t);
  if (n) out.number = n[1]!.replace(/\s+/g, '');
  const d = DATE.exec(t);
  if (d) {
    const [day, month, year] = [Number(d[1]), Number(d[2]), d[3]!];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) out.date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return out;
}

/** Declared and printed numbers are the same document number: case, spaces and Unicode form aside. */
export function sameNumber(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return norm(a) === norm(b);
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    // With the worker's module on globalThis, pdfjs runs it in this thread: no worker file to
    // serve in the CMS, no thread to start per document in the CLI.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return lib;
  })();
  return loading;
}

interface TextItem { str: string; transform: number[] }

/** Reads the header of the first page; undefined when the file cannot be parsed at all. */
export async function readHeader(bytes: Uint8Array): Promise<DocumentHeader | undefined> {
  const lib = await pdfjs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const items = (content.items as (TextItem | { type: string })[]).filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
    if (!items.length) return { text: false };
    // Lines top to bottom, items left to right: the two header columns become "left … right".
    items.sort((a, b) => (Math.abs(b.transform[5]! - a.transform[5]!) > 2 ? b.transform[5]! - a.transform[5]! : a.transform[4]! - b.transform[4]!));
    const text = items.map((i) => i.str).join(' ');
    return { text: true, ...parseHeaderText(text) };
  } catch {
    return undefined;
  } finally {
    await task.destroy();
  }
}
