// Deployment settings of the site, read from the environment in one place so astro.config.mjs
// and the pages agree (import.meta.env.BASE_URL can be shadowed by a stray BASE_URL variable).

/** The URL sub-path the site is served under: "/" locally, "/<repo>/" on GitHub Pages. */
export function siteBase(env: Record<string, string | undefined> = process.env): string {
  const raw = (env.PARINDEX_BASE ?? '/').trim();
  const inner = raw.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}
