// ContentSource over a working tree on disk.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentSource } from '../core/source.js';

export function fsSource(root: string): ContentSource {
  return {
    async list(dir) {
      const out: string[] = [];
      const walk = async (abs: string) => {
        let entries;
        try { entries = await readdir(abs, { withFileTypes: true }); } catch { return; }
        for (const e of entries) {
          const p = join(abs, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.isFile()) out.push(relative(root, p).split(sep).join('/'));
        }
      };
      await walk(join(root, dir));
      return out.sort();
    },
    async read(path) {
      if (path.split('/').includes('..')) return null;
      try { return new Uint8Array(await readFile(join(root, path))); } catch { return null; }
    },
  };
}
