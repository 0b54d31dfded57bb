// JSON of a published year: exactly what `npm run score -- --format json --stage <stage>` prints.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getData, siteNow } from '../../lib/data';
import { publishedResult, publishedYears } from '../../lib/results';
import { resultsJson } from '../../../scripts/core/score/export.js';

export const getStaticPaths: GetStaticPaths = async () => publishedYears((await getData()).content, siteNow()).map((y) => ({ params: { year: String(y) } }));

export const GET: APIRoute = async ({ params }) => {
  const p = publishedResult((await getData()).content, Number(params.year), siteNow())!;
  return new Response(JSON.stringify(resultsJson(p.result), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
