// Astro integration: after `astro build`, index the guidance and framework pages with the
// Pagefind npm package (its bundled binary, no download) and write the static search bundle
// into the output, so search works offline from the built files. Under `astro dev` the same
// bundle is built in memory on first use (dev-search.ts).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
// Imported up front: Astro closes the config's module runner before build:done runs.
import * as pagefind from 'pagefind';
import { devSearchMiddleware, ownOrigin, SEARCH_SECTIONS } from './dev-search.js';

/** Only these pages are searched: the guidance and the frameworks, not thousands of unit pages. */
export const SEARCH_GLOB = `{${SEARCH_SECTIONS.join(',')}}/**/*.html`;

export function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'parindex-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(devSearchMiddleware(base, () => ownOrigin(server.httpServer?.address()), (line) => logger.info(line)));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
          if (!index) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: out, glob: SEARCH_GLOB });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          logger.info(`Pagefind: đã lập chỉ mục tìm kiếm cho ${added.page_count} trang.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
