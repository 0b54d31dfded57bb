// Published copies of the evidence files that valid self-assessments cite, so evidence links
// work in the built site without the repository. Skipped when PARINDEX_REPO_URL points there.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getData } from '../../lib/data';
import { publishedEvidence } from '../../lib/evidence';
import { evidenceRouteParam, safeExternalUrl } from '../../lib/links';

export const getStaticPaths: GetStaticPaths = async () => {
  if (safeExternalUrl(process.env.PARINDEX_REPO_URL ?? '')) return [];
  const data = await getData();
  return [...(await publishedEvidence(data))].map((path) => ({ params: { path: evidenceRouteParam(path) }, props: { file: join(data.root, path) } }));
};

export const GET: APIRoute = async ({ props }) => {
  const bytes = await readFile((props as { file: string }).file);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf' } });
};
