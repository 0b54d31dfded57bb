// What was appended to a PDF after a signed revision. Incremental updates are how a second
// signature (the signer's, then the organisation's) or long-term validation data (a /DSS with
// certificates, CRLs, OCSP responses) are added without touching the signed bytes, so they keep
// the document signed; an update that rewrites a page, its content stream or its resources
// changes what the reader sees and does not. See docs/evidence.md.

export type UpdateKind =
  /** Nothing after the signed revision. */
  | 'none'
  /** Only signatures, document timestamps, DSS/VRI data, annotations and the form/catalog entries that point at them. */
  | 'benign'
  /** A page, a content stream or another object of the signed revision was redefined. */
  | 'content'
  /** Bytes we cannot read as plain incremental updates (compressed object streams, junk). */
  | 'unknown';

// Bounded and anchored on a non-digit: signature /Contents are long runs of hex digits, on
// which an unanchored `\d+\s+\d+` backtracks quadratically (measured: 18 s for 90 files).
const OBJ = /(?<![0-9])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b/g;

interface ObjectText { num: string; body: string }

/** The objects defined in `text` (each body up to `endobj`, or `stream` for a stream's dictionary). */
function objects(text: string): ObjectText[] {
  const out: ObjectText[] = [];
  for (const m of text.matchAll(OBJ)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endobj', start);
    let body = text.slice(start, end < 0 ? text.length : end);
    const s = body.indexOf('stream');
    if (s >= 0) body = body.slice(0, s);
    out.push({ num: `${m[1]} ${m[2]}`, body });
  }
  return out;
}

/** The last definition of object `num` in the signed revision, or undefined. */
function original(signed: string, num: string): string | undefined {
  const re = new RegExp(`(?:^|[^0-9])${num.replace(' ', '\\s+')}\\s+obj\\b`, 'g');
  let last: number | undefined;
  for (const m of signed.matchAll(re)) last = m.index! + m[0].length;
  if (last === undefined) return undefined;
  const end = signed.indexOf('endobj', last);
  const body = signed.slice(last, end < 0 ? signed.length : end);
  const s = body.indexOf('stream');
  return s >= 0 ? body.slice(0, s) : body;
}

const typeOf = (body: string) => /\/Type\s*\/(\w+)/.exec(body)?.[1];
/** A dictionary entry's value as written (a reference, array or name), whitespace-normalised. */
function entry(body: string, key: string): string | undefined {
  const m = new RegExp(`\\/${key}\\s*(\\d+\\s+\\d+\\s+R|\\[[^\\]]*\\]|<<[^>]*>>|\\/\\w+)`).exec(body);
  return m?.[1]!.replace(/\s+/g, ' ');
}

/** Objects of the signed revision an update may redefine: the catalog (to point at a /DSS or the
 * form), the form, annotations and signature fields, the document information dictionary. */
const REDEFINABLE = new Set(['Catalog', 'AcroForm', 'Annot', 'Sig', 'DocTimeStamp', 'DSS', 'VRI', 'XRef']);
const isRedefinable = (body: string) => {
  const type = typeOf(body);
  if (type !== undefined) return REDEFINABLE.has(type);
  // Untyped: a form (/Fields), a signature field (/FT /Sig), or the information dictionary.
  return /\/Fields\b|\/FT\s*\/Sig\b|\/Producer\b|\/ModDate\b/.test(body);
};

/**
 * Classifies the bytes after `revisionEnd` (the end of a signature's byte range). `text` is the
 * whole file decoded one character per byte.
 */
export function classifyUpdates(text: string, revisionEnd: number): UpdateKind {
  if (revisionEnd >= text.length) return 'none';
  const tail = text.slice(revisionEnd);
  // Line ends or padding only: not an update at all.
  if (/^[\s\0]*$/.test(tail)) return 'none';
  // An incremental update ends with its own xref (table or stream), startxref and %%EOF.
  if (!/startxref\s+\d+\s+%%EOF\s*$/.test(tail)) return 'unknown';
  const signed = text.slice(0, revisionEnd);
  for (const { num, body } of objects(tail)) {
    const type = typeOf(body);
    if (type === 'ObjStm') return 'unknown';
    const before = original(signed, num);
    if (before === undefined) {
      // A new object: harmless unless it is a page (a page added) or the page tree.
      if (type === 'Page' || type === 'Pages') return 'content';
      continue;
    }
    const was = typeOf(before);
    if (was === 'Page') {
      // Re-written to list a new signature widget in /Annots: fine; new content or resources: not.
      if (entry(body, 'Contents') !== entry(before, 'Contents') || entry(body, 'Resources') !== entry(before, 'Resources') ||
        entry(body, 'MediaBox') !== entry(before, 'MediaBox')) return 'content';
      continue;
    }
    // Anything else of the signed revision redefined: a content stream, a font, an image.
    if (!isRedefinable(before)) return 'content';
  }
  return 'benign';
}
