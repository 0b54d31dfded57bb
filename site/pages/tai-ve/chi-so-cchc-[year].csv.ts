// CSV of a published year: the scoring engine's own export (semicolons, BOM, decimal comma).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getData, siteNow } from '../../lib/data';
import { publishedResult, publishedYears } from '../../lib/results';
import { resultsCsv } from '../../../scripts/core/score/export.js';

export const getStaticPaths: GetStaticPaths = async () => publishedYears((await getData()).content, siteNow()).map((y) => ({ params: { year: String(y) } }));

export const GET: APIRoute = async ({ params }) => {
  const p = publishedResult((await getData()).content, Number(params.year), siteNow())!;
  return new Response(resultsCsv(p.result), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
