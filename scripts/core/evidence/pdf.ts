// Reads just enough of a PDF to tell whether it carries a real digital signature: a signature
// dictionary whose /ByteRange covers the whole file except its own /Contents hole, with a
// non-empty signature. Finding the word "/Sig" is not enough; neither is an unfilled placeholder.

export interface PdfSignatureInfo {
  isPdf: boolean;
  /** At least one signature whose byte range covers the whole file. */
  signed: boolean;
  /** Signatures found, whether or not they cover the file. */
  signatures: number;
  /** Why the file does not count as signed, when it has a signature dictionary. */
  problem?: 'partial-coverage' | 'empty-signature' | 'malformed-byte-range';
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

// WHATWG's "latin1" is windows-1252: one UTF-16 unit per byte like Latin-1 itself, so offsets
// hold, and the bytes it maps differently (0x80–0x9F) are never ASCII, which is all we match.
const DECODER = typeof TextDecoder === 'function' ? new TextDecoder('latin1') : undefined;

/** The bytes as a string of one character per byte: offsets in the string are offsets in the file. */
export function latin1(bytes: Uint8Array): string {
  if (DECODER) return DECODER.decode(bytes);
  // Chunked: String.fromCharCode.apply overflows the stack on large arrays.
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return out;
}

/** `text` is `latin1(bytes)` when the caller already has it (signature verification needs it too). */
export function inspectPdf(bytes: Uint8Array, text?: string): PdfSignatureInfo {
  const head = text?.slice(0, 1024) ?? latin1(bytes.subarray(0, 1024));
  const isPdf = /^%PDF-\d\.\d/.test(head.trimStart());
  if (!isPdf) return { isPdf: false, signed: false, signatures: 0 };
  text ??= latin1(bytes);
  let signatures = 0;
  let problem: PdfSignatureInfo['problem'];
  for (const m of text.matchAll(BYTE_RANGE)) {
    signatures++;
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (a !== 0 || b <= 0 || c <= b || d < 0) { problem = 'malformed-byte-range'; continue; }
    // The hole between the two ranges must be exactly the <hex> /Contents string.
    if (bytes[b] !== 0x3c /* < */ || bytes[c - 1] !== 0x3e /* > */) { problem = 'malformed-byte-range'; continue; }
    if (c + d !== bytes.length) { problem = 'partial-coverage'; continue; }
    const hex = text.slice(b + 1, c - 1);
    if (!/^[0-9a-fA-F\s]*$/.test(hex) || /^[0\s]*$/.test(hex)) { problem = 'empty-signature'; continue; }
    // A signature dictionary names a handler (Adobe.PPKLite…) or /Type /Sig near the range.
    const dict = text.slice(Math.max(0, m.index! - 2000), Math.min(text.length, c + 2000));
    if (!/\/Type\s*\/Sig\b/.test(dict) && !/\/Filter\s*\/Adobe\./.test(dict)) { problem = 'malformed-byte-range'; continue; }
    return { isPdf: true, signed: true, signatures };
  }
  return { isPdf: true, signed: false, signatures, ...(problem ? { problem } : {}) };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // WebCrypto exists in Node 20+ and in browsers: the same code hashes in CI and in the CMS.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
