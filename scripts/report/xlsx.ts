// The council's report as an XLSX workbook: one ranking sheet per group and one domain sheet
// for all units, Vietnamese headers, numbers as numbers (Excel formats them per locale).
import ExcelJS from 'exceljs';
import type { CouncilReport } from '../core/report/model.js';
import { TERMS } from '../core/score/terms.js';

// Two fixed decimals, as the site and the CLI print points and the index. "0.##" left a bare
// separator on whole numbers ("85.") and mixed one and two decimals in a column.
export const POINTS_FORMAT = '0.00';

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28).trim() || 'Trang';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base.slice(0, 26)} ${i}`;
  used.add(out);
  return out;
}

export async function councilReportXlsx(report: CouncilReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parindex';
  const used = new Set<string>();
  for (const g of report.groups) {
    const ws = wb.addWorksheet(sheetName(g.name, used), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
    ws.addRow([`Chỉ số CCHC năm ${report.year}: ${g.name}`]).font = { bold: true, size: 13 };
    const header = ws.addRow(['Hạng', 'Mã đơn vị', 'Đơn vị', TERMS.self, TERMS.appraised, TERMS.survey, TERMS.bonus, TERMS.penalty, TERMS.total, 'Điểm tối đa áp dụng', 'Chỉ số (%)', 'Xếp loại']);
    header.font = { bold: true };
    for (const r of g.rows) ws.addRow([r.rank, r.unit, r.name, r.selfPoints, r.appraisedPoints, r.surveyPoints, r.bonus, r.penalty, r.points, r.applicableMax, r.index, r.classification]);
    ws.columns.forEach((c, i) => { c.width = i === 2 ? 48 : i === 1 ? 24 : 14; });
    for (let col = 4; col <= 11; col++) ws.getColumn(col).numFmt = POINTS_FORMAT;
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  const ws = wb.addWorksheet(sheetName('Theo lĩnh vực', used));
  ws.addRow(['Mã đơn vị', 'Đơn vị', 'Nhóm', 'Mã lĩnh vực', 'Lĩnh vực', 'Điểm tối đa', 'Tối đa áp dụng', TERMS.self, TERMS.appraised, TERMS.survey, 'Chỉ số (%)']).font = { bold: true };
  for (const u of report.units) for (const d of u.domains) ws.addRow([u.unit, u.name, u.group, d.code, d.title, d.max, d.applicableMax, d.self, d.appraised, d.survey, d.index]);
  ws.columns.forEach((c, i) => { c.width = i === 1 || i === 4 ? 44 : 14; });
  for (let col = 6; col <= 11; col++) ws.getColumn(col).numFmt = POINTS_FORMAT;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
