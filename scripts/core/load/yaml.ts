// The one YAML loader. js-yaml (about 10× faster than `yaml`, see platform notes) parses the
// bulk with the CORE schema, so dates stay strings; the `yaml` package is used only where
// js-yaml has no guard: files with anchors (alias-bomb limit) and positions of findings.
// `maxDepth` (js-yaml ≥ 4.3) is not in @types/js-yaml yet.
import { load, CORE_SCHEMA, YAMLException, type LoadOptions as BaseLoadOptions } from 'js-yaml';
type LoadOptions = BaseLoadOptions & { maxDepth?: number };
import { parseDocument } from 'yaml';
import type { RawFinding } from '../findings.js';

export interface LoadLimits {
  maxBytes: number;
  maxDepth: number;
  maxAliases: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 48, maxAliases: 100 };

export interface ParseResult {
  data: unknown;
  /** Non-empty means `data` is undefined: the file could not be read as data. */
  findings: RawFinding[];
}

// An anchor token: "&name" after whitespace, a flow indicator, a JSON-like key's ":" ({"a":&x …})
// or at line start ("KH&CN" is not one). Only a shortcut: aliases js-yaml still resolves are caught
// afterwards as shared nodes.
const ANCHOR = /(?:^|[\s[{,:])&[^\s,[\]{}]/m;
const NON_ASCII = /[^\x00-\x7f]/;
const SPACE = /\s/;

/**
 * Whether the text could use a collection as a mapping key: an explicit "?" key, or a "]" or "}"
 * followed by ":". Searched with indexOf: a regex with a leading character class scans a
 * 150 KB text ten times slower (40 µs against 4).
 */
export function mayHaveCollectionKey(text: string): boolean {
  if (text.indexOf('?') !== -1) return true;
  for (const closer of [']', '}']) {
    for (let i = text.indexOf(closer); i !== -1; i = text.indexOf(closer, i + 1)) {
      let k = i + 1;
      while (k < text.length && SPACE.test(text[k]!)) k++;
      if (text[k] === ':') return true;
    }
  }
  return false;
}
const FLAT = { depth: 0, shared: false, objectKey: false };

function finding(path: string, message: string, line = 1, column = 1, rule = 'yaml-syntax'): RawFinding {
  return { rule, severity: 'error', file: path, line, column, message };
}

/** Parses one YAML file's text. Never throws: every problem is a finding with a position. */
export function parseYaml(text: string, path: string, limits: LoadLimits = DEFAULT_LIMITS): ParseResult {
  if (text.length > limits.maxBytes) {
    return { data: undefined, findings: [finding(path,
      `Tệp quá lớn (${(text.length / 1048576).toFixed(1).replace('.', ',')} MB; tối đa ${limits.maxBytes / 1048576} MB).`,
      1, 1, 'yaml-limits')] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const { line, column } = offsetToLineColumn(text, bad);
    return { data: undefined, findings: [finding(path, 'Tệp không phải văn bản UTF-8 hợp lệ (có ký tự lỗi mã hóa).', line, column, 'yaml-encoding')] };
  }
  let data: unknown;
  let shape: ReturnType<typeof measure>;
  try {
    // Without an "&" there is no anchor, so no alias and nothing shared to watch for.
    const anchors = text.indexOf('&') !== -1;
    const guarded = anchors && ANCHOR.test(text);
    // js-yaml bounds its own depth (it counts scalar leaves too: one level more than containers).
    data = guarded ? parseWithAliasLimit(text, limits.maxAliases)
      : load(text, { schema: CORE_SCHEMA, filename: path, json: false, maxDepth: limits.maxDepth + 1 } as LoadOptions);
    // The tree walk finds what the text can hide only with an "&" (aliases), a "?" or a "]"/"}"
    // before ":" (a collection used as a key), or after the alias-limited parser (no depth bound).
    shape = anchors || mayHaveCollectionKey(text) ? measure(data, limits.maxDepth, anchors && !guarded) : FLAT;
    if (shape.shared) {
      // js-yaml resolved aliases the shortcut missed: their expansion is unbounded, so reparse guarded.
      data = parseWithAliasLimit(text, limits.maxAliases);
      shape = measure(data, limits.maxDepth, false);
    }
  } catch (error) {
    return { data: undefined, findings: [describeParseError(error, path, text)] };
  }
  const depth = shape.depth;
  if (depth > limits.maxDepth) {
    return { data: undefined, findings: [finding(path, `Dữ liệu lồng nhau quá sâu (hơn ${limits.maxDepth} cấp).`, 1, 1, 'yaml-limits')] };
  }
  if (shape.objectKey) {
    // js-yaml turns a mapping used as a key ("? {a: 1}") into the key "[object Object]".
    return { data: undefined, findings: [finding(path, 'Lỗi cú pháp YAML: tên trường phải là chữ, không được là một khối trường.')] };
  }
  // Most files are already NFC: one native check on the whole text spares walking the tree.
  return { data: NON_ASCII.test(text) && text.normalize('NFC') !== text ? normalizeNfc(data) : data, findings: [] };
}

/** `yaml` counts alias expansions and stops a "billion laughs" file at once; it also keeps tags strict. */
function parseWithAliasLimit(text: string, maxAliasCount: number): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', merge: false, logLevel: 'silent' });
  if (doc.errors.length) throw doc.errors[0];
  // An unknown tag is only a warning in `yaml` (the value silently becomes a string); js-yaml
  // rejects it, and both paths must agree.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) throw tag;
  return doc.toJS({ maxAliasCount });
}

function describeParseError(error: unknown, path: string, text: string): RawFinding {
  if (error instanceof YAMLException) {
    const line = (error.mark?.line ?? 0) + 1;
    const column = (error.mark?.column ?? 0) + 1;
    const reason = error.reason ?? '';
    if (/nesting exceeded maxDepth/.test(reason)) return finding(path, 'Dữ liệu lồng nhau quá sâu, không đọc được.', line, column, 'yaml-limits');
    if (/duplicated mapping key/.test(reason)) return finding(path, 'Trường bị lặp lại trong cùng một khối (khóa trùng).', line, column, 'yaml-duplicate-key');
    return finding(path, `Lỗi cú pháp YAML: ${translateReason(reason)}.`, line, column);
  }
  const e = error as { name?: string; message?: string; code?: string; linePos?: { line: number; col: number }[] };
  if (e?.name === 'RangeError') return finding(path, 'Dữ liệu lồng nhau quá sâu, không đọc được.', 1, 1, 'yaml-limits');
  if (e?.linePos?.[0]) {
    const { line, col } = e.linePos[0];
    if (e.code === 'DUPLICATE_KEY') return finding(path, 'Trường bị lặp lại trong cùng một khối (khóa trùng).', line, col, 'yaml-duplicate-key');
    if (e.code === 'RESOURCE_EXHAUSTION') return finding(path, 'Dữ liệu lồng nhau quá sâu, không đọc được.', line, col, 'yaml-limits');
    if (e.code === 'TAG_RESOLVE_FAILED') return finding(path, `Lỗi cú pháp YAML: ${translateReason('unknown tag')}.`, line, col);
    if (/alias/i.test(e.message ?? '')) return finding(path, 'Tệp dùng quá nhiều tham chiếu (alias) YAML: bị từ chối để bảo vệ hệ thống.', line, col, 'yaml-limits');
    return finding(path, 'Lỗi cú pháp YAML.', line, col);
  }
  if (/alias/i.test(e?.message ?? '')) return finding(path, 'Tệp dùng quá nhiều tham chiếu (alias) YAML: bị từ chối để bảo vệ hệ thống.', 1, 1, 'yaml-limits');
  void text;
  return finding(path, 'Không đọc được tệp YAML.');
}

const REASONS: [RegExp, string][] = [
  [/bad indentation/, 'thụt lề không đúng'],
  [/end of the stream or a document separator is expected/, 'cấu trúc không đúng (thường do thụt lề hoặc thiếu dấu hai chấm)'],
  [/unexpected end of the stream/, 'tệp kết thúc đột ngột'],
  [/missed comma between flow collection entries/, 'thiếu dấu phẩy giữa các phần tử'],
  [/can not read a block mapping entry/, 'không đọc được cặp khóa: giá trị'],
  [/unknown tag/, 'thẻ (tag) YAML không được hỗ trợ'],
  [/unidentified alias/, 'tham chiếu (alias) không tồn tại'],
  [/incomplete explicit mapping pair/, 'cặp khóa: giá trị chưa hoàn chỉnh'],
  [/tab characters must not be used/, 'không được dùng ký tự tab để thụt lề'],
];

function translateReason(reason: string): string {
  for (const [re, vi] of REASONS) if (re.test(reason)) return vi;
  return 'cấu trúc không hợp lệ';
}

/**
 * One walk over the parsed tree, iteratively (a deep file must not overflow our own stack):
 * the depth of nested containers, and whether a mapping was used as a key (js-yaml turns
 * "? {a: 1}" into the key "[object Object]"). With `stopOnShared`, stops at a container reached
 * twice: only an alias does that, and walking an unguarded alias graph is exponential. Guarded
 * data is walked in full (its expansion is capped).
 */
function measure(root: unknown, stopAt: number, stopOnShared: boolean): { depth: number; shared: boolean; objectKey: boolean } {
  let deepest = 0;
  let objectKey = false;
  const seen = stopOnShared ? new Set<object>() : undefined;
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length) {
    const value = values.pop();
    const depth = depths.pop()! + 1;
    if (value === null || typeof value !== 'object') continue;
    if (seen) {
      if (seen.has(value)) return { depth: deepest, shared: true, objectKey };
      seen.add(value);
    }
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAt) return { depth: deepest, shared: false, objectKey };
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (child !== null && typeof child === 'object') { values.push(child); depths.push(depth); }
      }
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (key === '[object Object]') objectKey = true;
        const child = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') { values.push(child); depths.push(depth); }
      }
    }
  }
  return { depth: deepest, shared: false, objectKey };
}

/** NFC everywhere: officers type on many keyboards (VNI, Telex, macOS) that emit NFD. */
function normalizeNfc(value: unknown): unknown {
  if (typeof value === 'string') return NON_ASCII.test(value) ? value.normalize('NFC') : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeNfc(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const v = normalizeNfc(obj[key]);
      if (NON_ASCII.test(key)) {
        delete obj[key];
        obj[key.normalize('NFC')] = v;
      } else obj[key] = v;
    }
    return obj;
  }
  return value;
}

export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
