// XLSX of a published year, built with exceljs from the same rows as the CSV.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getData, siteNow } from '../../lib/data';
import { publishedResult, publishedYears } from '../../lib/results';
import { xlsxLabels } from '../../lib/downloads';
import { resultsXlsx } from '../../../scripts/site/xlsx.js';

export const getStaticPaths: GetStaticPaths = async () => publishedYears((await getData()).content, siteNow()).map((y) => ({ params: { year: String(y) } }));

export const GET: APIRoute = async ({ params }) => {
  const p = publishedResult((await getData()).content, Number(params.year), siteNow())!;
  const bytes = await resultsXlsx(p.result, xlsxLabels(p, siteNow()));
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
