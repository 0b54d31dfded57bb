// Writing an entry back as the smallest change to its file. A submission is reviewed as a pull
// request diff, so a save that changes one score must change one line: comments, key order,
// quoting and line breaks of everything else stay byte for byte. Decap's own YAML formatter
// re-serialises the whole file (measured: one score and one evidence record gave 951 insertions
// and 743 deletions on a sample sheet). Here the original text is parsed with the `yaml`
// package's Document API, the new data is compared node by node, and only the source ranges of
// nodes whose value changed are replaced (docs/cms.md, "Saving changes only what changed").
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

interface Edit { start: number; end: number; text: string }

class Unpatchable extends Error {}

const RENDER = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/** A whole file in the repository's style: double-quoted strings, no folding. */
export function renderYaml(data: unknown): string {
  return stringify(data, RENDER);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return false;
}

function indented(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}

class Patcher {
  readonly edits: Edit[] = [];
  constructor(readonly src: string) {}

  lineStart(pos: number): number { return this.src.lastIndexOf('\n', pos - 1) + 1; }
  column(pos: number): number { return pos - this.lineStart(pos); }
  /** The position just after the line holding `pos - 1` (the end of a node's text). */
  afterLine(pos: number): number {
    if (pos > 0 && this.src[pos - 1] === '\n') return pos;
    const nl = this.src.indexOf('\n', pos);
    return nl === -1 ? this.src.length : nl + 1;
  }
  /** Only spaces before `pos` on its line: the node opens its line (block style). */
  opensLine(pos: number, prefix = ''): boolean {
    const before = this.src.slice(this.lineStart(pos), pos);
    return before.trim() === prefix;
  }

  value(node: Node | null, value: unknown): void {
    if (node === null) throw new Unpatchable('empty value');
    if (same(node.toJSON(), value)) return;
    if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) return this.scalar(node, value);
    if (isMap(node) && isPlainObject(value) && !node.flow && node.items.length && Object.keys(value).length) return this.map(node, value);
    if (isSeq(node) && Array.isArray(value) && !node.flow && node.items.length && value.length) return this.seq(node, value);
    throw new Unpatchable('shape changed');
  }

  scalar(node: Scalar, value: unknown): void {
    const [start, end] = node.range!;
    let text: string;
    if (typeof value === 'string' && !value.includes('\n')) {
      const type = node.type === 'PLAIN' || node.type === 'QUOTE_SINGLE' ? node.type : 'QUOTE_DOUBLE';
      text = stringify(value, { ...RENDER, defaultStringType: type }).trimEnd();
      if (text.includes('\n')) text = JSON.stringify(value);
    } else if (typeof value === 'string') {
      text = JSON.stringify(value);
    } else {
      text = stringify(value ?? null, RENDER).trimEnd();
    }
    // A block scalar's range ends after its last line break, which the replacement must keep.
    if (this.src[end - 1] === '\n') text += '\n';
    this.edits.push({ start, end, text });
  }

  map(node: YAMLMap, value: Record<string, unknown>): void {
    const pairs = node.items as Pair<Scalar, Node | null>[];
    const keys = new Set<string>();
    let keyColumn = -1;
    for (const [i, pair] of pairs.entries()) {
      if (!isScalar(pair.key)) throw new Unpatchable('complex key');
      const key = String(pair.key.value);
      keys.add(key);
      const keyStart = pair.key.range![0];
      if (keyColumn < 0) keyColumn = this.column(keyStart);
      if (!(key in value) || value[key] === undefined) {
        // The first key of a sequence item shares its line with "- ".
        if (!this.opensLine(keyStart)) throw new Unpatchable('removing a key that shares a line');
        const next = pairs[i + 1];
        const end = next ? this.lineStart(next.key.range![0]) : this.afterLine(this.pairEnd(pair));
        this.edits.push({ start: this.lineStart(keyStart), end, text: '' });
      } else {
        this.value(pair.value, value[key]);
      }
    }
    const added = Object.entries(value).filter(([k, v]) => !keys.has(k) && v !== undefined);
    if (added.length) {
      const at = this.afterLine(this.pairEnd(pairs[pairs.length - 1]!));
      let text = indented(renderYaml(Object.fromEntries(added)), keyColumn);
      if (at === this.src.length && !this.src.endsWith('\n')) text = '\n' + text;
      this.edits.push({ start: at, end: at, text });
    }
  }

  pairEnd(pair: Pair<Scalar, Node | null>): number {
    return pair.value?.range ? pair.value.range[1] : pair.key.range![1];
  }

  seq(node: YAMLSeq, value: unknown[]): void {
    const items = node.items as Node[];
    for (const item of items) if (!item?.range || !this.opensLine(item.range[0], '-')) throw new Unpatchable('inline sequence item');
    const dashColumn = this.column(items[0]!.range![0]) - 2;
    const codeOf = (v: unknown) => (isPlainObject(v) && typeof v.code === 'string' ? v.code : null);
    const oldValues = items.map((n) => n.toJSON() as unknown);
    const byCode = oldValues.every((v) => codeOf(v) !== null) && value.every((v) => codeOf(v) !== null)
      && new Set(oldValues.map(codeOf)).size === oldValues.length && new Set(value.map(codeOf)).size === value.length;
    // New index → old index; unmatched new values are inserted, unmatched old items deleted.
    const match: (number | null)[] = byCode
      ? value.map((v) => { const i = oldValues.findIndex((o) => codeOf(o) === codeOf(v)); return i < 0 ? null : i; })
      : value.map((_, i) => (i < items.length ? i : null));
    const kept = match.filter((m): m is number => m !== null);
    if (kept.some((m, i) => i > 0 && m < kept[i - 1]!)) throw new Unpatchable('reordered');
    const itemStart = (i: number) => this.lineStart(items[i]!.range![0]);
    const itemEnd = (i: number) => (i + 1 < items.length ? itemStart(i + 1) : this.afterLine(items[i]!.range![1]));
    for (let i = 0; i < items.length; i++) if (!kept.includes(i)) this.edits.push({ start: itemStart(i), end: itemEnd(i), text: '' });
    let pending: unknown[] = [];
    const flush = (at: number) => {
      if (!pending.length) return;
      let text = indented(renderYaml(pending), dashColumn);
      if (at === this.src.length && !this.src.endsWith('\n')) text = '\n' + text;
      this.edits.push({ start: at, end: at, text });
      pending = [];
    };
    for (const [i, m] of match.entries()) {
      if (m === null) { pending.push(value[i]); continue; }
      flush(itemStart(m));
      this.value(items[m]!, value[i]);
    }
    flush(itemEnd(items.length - 1));
  }

  apply(): string {
    // From the end backwards; of two insertions at one place, the one recorded first ends up first.
    const edits = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
    let out = this.src;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

/**
 * `data` written over `original`: only the lines of values that changed differ. A file that is
 * not YAML, or a change of shape the patcher does not handle (a scalar becoming a list, a
 * reordered list, flow style), falls back to the whole file rendered in the repository's style.
 */
export function patchYaml(original: string | undefined, data: unknown): string {
  if (!original?.trim()) return renderYaml(data);
  const doc = parseDocument(original);
  if (doc.errors.length || !doc.contents) return renderYaml(data);
  try {
    const patcher = new Patcher(original);
    patcher.value(doc.contents as Node, data);
    const out = patcher.apply();
    // The result must read back as exactly the data; otherwise trust the full rendering.
    const check = parseDocument(out);
    if (check.errors.length || !same(check.toJSON(), JSON.parse(JSON.stringify(data)))) return renderYaml(data);
    return out;
  } catch (error) {
    if (error instanceof Unpatchable) return renderYaml(data);
    throw error;
  }
}
