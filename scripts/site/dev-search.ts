// Search under `astro dev` (what `npm start` serves). Pagefind writes its index after a build, so
// the dev server had none: /pagefind/pagefind.js was a 404 and the search page said "Không tải
// được chỉ mục tìm kiếm". Here the dev server renders the searched sections itself, Pagefind
// indexes them in memory (addHTMLFile, getFiles: no files written) and the bundle is served
// under <base>pagefind/, the same URLs as in a build. docs/site.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pagefind from 'pagefind';

/** The sections searched, in a build and here: the guidance and the frameworks. */
export const SEARCH_SECTIONS = ['huong-dan', 'bo-tieu-chi'] as const;

/** An index older than this is rebuilt when a search starts, so edits show up. */
const REFRESH_MS = 15_000;
const CRAWL_CONCURRENCY = 4;

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json', css: 'text/css; charset=utf-8' };

interface Built { at: number; files: Map<string, Uint8Array>; pages: number }

/** Every page of the searched sections, found by following links (and form targets) from each section's index. */
export async function crawlSections(origin: string, base: string): Promise<{ url: string; content: string }[]> {
  const prefixes = SEARCH_SECTIONS.map((s) => `${base}${s}/`);
  const queue = [...prefixes];
  const seen = new Set(queue);
  const pages: { url: string; content: string }[] = [];
  while (queue.length) {
    const batch = queue.splice(0, CRAWL_CONCURRENCY);
    await Promise.all(batch.map(async (path) => {
      const res = await fetch(origin + path);
      if (!res.ok || !res.headers.get('content-type')?.startsWith('text/html')) { await res.body?.cancel(); return; }
      const content = await res.text();
      pages.push({ url: path, content });
      for (const m of content.matchAll(/(?:href|action)="([^"#?]+)"/g)) {
        const href = m[1]!;
        if (href.endsWith('/') && prefixes.some((p) => href.startsWith(p)) && !seen.has(href)) {
          seen.add(href);
          queue.push(href);
        }
      }
    }));
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

async function buildIndex(origin: string, base: string): Promise<Built> {
  const pages = await crawlSections(origin, base);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(errors.join('; '));
  try {
    for (const p of pages) {
      const added = await index.addHTMLFile({ url: p.url, content: p.content });
      if (added.errors.length) throw new Error(added.errors.join('; '));
    }
    const out = await index.getFiles();
    if (out.errors.length) throw new Error(out.errors.join('; '));
    return { at: Date.now(), files: new Map(out.files.map((f) => [f.path.replace(/^\/+/, ''), f.content])), pages: pages.length };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * A connect middleware serving <base>pagefind/* from an index built on first use. `origin` is the
 * dev server's own address: the crawl never follows a request's Host header elsewhere.
 */
export function devSearchMiddleware(base: string, origin: () => string, log: (line: string) => void) {
  const prefix = `${base}pagefind/`;
  let current: Built | null = null;
  let pending: Promise<Built> | null = null;
  // Files of earlier builds stay servable: a search already running may still ask for them.
  const served = new Map<string, Uint8Array>();

  const ensure = (refresh: boolean): Promise<Built> => {
    if (pending) return pending;
    if (current && !(refresh && Date.now() - current.at > REFRESH_MS)) return Promise.resolve(current);
    const started = performance.now();
    pending = buildIndex(origin(), base).then((built) => {
      for (const [k, v] of built.files) served.set(k, v);
      current = built;
      log(`Pagefind: đã lập chỉ mục tìm kiếm cho ${built.pages} trang (${Math.round(performance.now() - started)} ms).`);
      return built;
    }).finally(() => { pending = null; });
    return pending;
  };

  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = decodeURIComponent(path.slice(prefix.length));
    ensure(file === 'pagefind.js').then((built) => {
      const body = built.files.get(file) ?? served.get(file);
      if (!body) { res.statusCode = 404; res.end(); return; }
      res.setHeader('Content-Type', TYPES[file.split('.').pop()!] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(body));
    }).catch((error: unknown) => next(error));
  };
}

/** http://host:port of a listening server; the loopback address when it listens on every interface. */
export function ownOrigin(address: AddressInfo | string | null | undefined): string {
  if (!address || typeof address === 'string') throw new Error('dev server is not listening on a TCP port');
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
