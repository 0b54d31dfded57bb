// Astro builds the public site (and the CMS page at /admin/) from site/, reading content/
// through the shared core. PARINDEX_CONTENT_ROOT points it at another checkout (the local
// portal's clone); PARINDEX_SITE / PARINDEX_BASE set the deployed URL and sub-path (Pages).
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './scripts/site/pagefind.ts';
import { siteBase } from './scripts/site/config.ts';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PARINDEX_OUT_DIR ?? './dist',
  site: process.env.PARINDEX_SITE ?? 'http://localhost:4321',
  base: siteBase(),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  integrations: [pagefindIntegration()],
  vite: {
    // `npm run bench -- --only start` points Vite at an empty cache to measure a first start.
    ...(process.env.PARINDEX_VITE_CACHE_DIR ? { cacheDir: process.env.PARINDEX_VITE_CACHE_DIR } : {}),
    // decap-cms expects a Node-style `global` (platform notes).
    define: { global: 'globalThis' },
    optimizeDeps: { esbuildOptions: { define: { global: 'globalThis' } } },
  },
});
