// The only way the core sees files. Adapters: the file system (scripts/io/fs-source.ts), a git
// snapshot at a commit (scripts/core/history), and the browser (the CMS page). Paths are
// repository-relative with forward slashes, e.g. "content/units/so-noi-vu.yaml".

export interface ContentSource {
  /** Every file path under `dir` (recursive), sorted. Missing folder → []. */
  list(dir: string): Promise<string[]>;
  /** File bytes, or null when the file does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Optional fast path for UTF-8 text (native decoding); readText falls back to read. */
  readText?(path: string): Promise<string | null>;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function readText(source: ContentSource, path: string): Promise<string | null> {
  if (source.readText) return source.readText(path);
  const bytes = await source.read(path);
  return bytes === null ? null : decoder.decode(bytes);
}

/** An in-memory source: tests, the browser, and overlays (a change on top of a snapshot). */
export function memorySource(files: Record<string, string | Uint8Array>): ContentSource {
  const encoder = new TextEncoder();
  const map = new Map<string, Uint8Array>(
    Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? encoder.encode(v) : v]));
  return {
    async list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return [...map.keys()].filter((p) => p.startsWith(prefix)).sort();
    },
    async read(path) {
      return map.get(path) ?? null;
    },
  };
}

/** `top` wins where it has the file; deletions are not modelled (use a filtered source). */
export function overlaySource(top: ContentSource, base: ContentSource): ContentSource {
  return {
    async list(dir) {
      const [a, b] = await Promise.all([top.list(dir), base.list(dir)]);
      return [...new Set([...a, ...b])].sort();
    },
    async read(path) {
      return (await top.read(path)) ?? base.read(path);
    },
  };
}
