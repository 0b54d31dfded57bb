// The site's XLSX download of a year's results: the same rows and Vietnamese headers as the CSV
// (RESULT_COLUMNS), plus the domain breakdown and a sheet saying what the numbers are.
import ExcelJS from 'exceljs';
import type { CampaignResult } from '../core/score/index.js';
import { RESULT_COLUMNS, domainSummary, resultRows } from '../core/score/export.js';

export interface XlsxLabels {
  sheets: { results: string; domains: string; about: string };
  domainHeaders: readonly string[];
  about: { title: string; stage: string; stageName: string; decision: string; decisionText: string; generated: string; generatedText: string };
}

const NUMERIC = new Set<string>(['rank', 'selfPoints', 'appraisedPoints', 'surveyPoints', 'criteriaPoints', 'bonus', 'penalty', 'points', 'applicableMax', 'index', 'change']);

export async function resultsXlsx(result: CampaignResult, labels: XlsxLabels): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parindex';
  const ws = wb.addWorksheet(labels.sheets.results, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = RESULT_COLUMNS.map(([key, header]) => ({
    header, key, width: key === 'name' ? 46 : key === 'group' ? 26 : key === 'unit' ? 24 : 14,
    ...(NUMERIC.has(key) && key !== 'rank' ? { style: { numFmt: '0.00' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  // Numbers stay numbers (Excel shows them with the reader's decimal comma); empty stays empty.
  for (const r of resultRows(result)) ws.addRow(Object.fromEntries(RESULT_COLUMNS.map(([k]) => [k, r[k] ?? null])));

  const ds = wb.addWorksheet(labels.sheets.domains, { views: [{ state: 'frozen', ySplit: 1 }] });
  ds.addRow([...labels.domainHeaders]).font = { bold: true };
  for (const g of result.groups) {
    for (const u of g.units) {
      for (const d of domainSummary(u.tree, result.stage)) ds.addRow([g.name, u.unit, u.name, d.code, d.title, d.max, d.applicableMax, d.appraisedPoints, d.surveyPoints, d.points, d.index]);
    }
  }
  ds.columns.forEach((c, i) => { c.width = i === 2 || i === 4 ? 44 : i === 0 ? 26 : 14; });

  const about = wb.addWorksheet(labels.sheets.about);
  about.addRow([labels.about.title]).font = { bold: true, size: 13 };
  about.addRow([labels.about.stage, labels.about.stageName]);
  about.addRow([labels.about.decision, labels.about.decisionText]);
  about.addRow([labels.about.generated, labels.about.generatedText]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 80;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
