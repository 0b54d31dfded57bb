// The council's report as DOCX in the layout of a Vietnamese administrative document
// (Nghị định 30/2020/NĐ-CP): agency and national motto header, number and place/date line,
// bold title, tables, signature block; Times New Roman, A4, 3 cm left margin.
import { TERMS } from '../core/score/terms.js';
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, PageOrientation,
} from 'docx';
import type { CouncilReport } from '../core/report/model.js';
import { formatNumber } from '../core/format.js';

const FONT = 'Times New Roman';
const cm = (n: number) => Math.round(n * 567);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const p = (text: string, o: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, children: [new TextRun({ text, bold: o.bold, italics: o.italics, font: FONT, size: (o.size ?? 13) * 2 })] });

function cell(text: string, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({ children: [p(text, { bold: o.bold, align: o.align, size: 11 })] });
}

function table(header: string[], rows: string[][], numeric: Set<number>) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true, align: AlignmentType.CENTER })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { align: numeric.has(i) ? AlignmentType.RIGHT : AlignmentType.LEFT })) })),
    ],
  });
}

const n = (v: number | null) => formatNumber(v);

export async function councilReportDocx(report: CouncilReport, printedAt: Date): Promise<Uint8Array> {
  const d = printedAt;
  const province = report.province.toUpperCase();
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [
      new TableCell({ borders: noBorders, children: [p(`UBND TỈNH ${province}`, { align: AlignmentType.CENTER }), p('HỘI ĐỒNG THẨM ĐỊNH', { bold: true, align: AlignmentType.CENTER }), p('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', { bold: true, align: AlignmentType.CENTER }), p('Số:       /BC-HĐTĐ', { align: AlignmentType.CENTER })] }),
      new TableCell({ borders: noBorders, children: [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: AlignmentType.CENTER }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, align: AlignmentType.CENTER }), p(''), p(`${report.province}, ngày ${d.getDate()} tháng ${d.getMonth() + 1} năm ${d.getFullYear()}`, { italics: true, align: AlignmentType.CENTER })] }),
    ] })],
  });
  const stageVi = report.stage === 'final' ? 'Kết quả thẩm định, xác định' : report.stage === 'appraisal' ? 'Kết quả thẩm định đợt 1' : 'Kết quả tự đánh giá, chấm điểm';
  const body: (Paragraph | Table)[] = [
    header, p(''),
    p('BÁO CÁO', { bold: true, align: AlignmentType.CENTER, size: 14 }),
    p(`${stageVi} Chỉ số cải cách hành chính năm ${report.year}`, { bold: true, align: AlignmentType.CENTER, size: 14 }),
    p(''),
    ...(report.publication?.decision ? [p(`Kết quả đã được công bố theo Quyết định số ${report.publication.decision}.`, { italics: true })] : []),
    p('I. XẾP HẠNG THEO NHÓM ĐƠN VỊ', { bold: true }),
  ];
  report.groups.forEach((g, gi) => {
    body.push(p(`${gi + 1}. ${g.name}`, { bold: true }));
    body.push(table(['Hạng', 'Đơn vị', TERMS.self, TERMS.appraised, TERMS.survey, TERMS.bonus, TERMS.penalty, TERMS.total, 'Tối đa', 'Chỉ số (%)', 'Xếp loại'],
      g.rows.map((r) => [String(r.rank ?? '—'), r.name, n(r.selfPoints), n(r.appraisedPoints), n(r.surveyPoints), n(r.bonus), n(r.penalty), n(r.points), n(r.applicableMax), formatNumber(r.index, 2), r.classification]),
      new Set([2, 3, 4, 5, 6, 7, 8, 9])));
    body.push(p(''));
  });
  body.push(p('II. KẾT QUẢ THEO LĨNH VỰC CỦA TỪNG ĐƠN VỊ', { bold: true }));
  report.units.forEach((u, ui) => {
    body.push(p(`${ui + 1}. ${u.name} (${u.group}): ${n(u.points)} điểm, Chỉ số ${formatNumber(u.index, 2)}%`, { bold: true }));
    body.push(table(['Mã', 'Lĩnh vực', 'Tối đa', 'Tối đa áp dụng', TERMS.self, TERMS.appraised, TERMS.survey, 'Chỉ số (%)'],
      u.domains.map((dm) => [dm.code, dm.title, n(dm.max), n(dm.applicableMax), n(dm.self), n(dm.appraised), n(dm.survey), formatNumber(dm.index, 2)]), new Set([2, 3, 4, 5, 6, 7])));
    body.push(p(''));
  });
  body.push(new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [
      new TableCell({ borders: noBorders, children: [p('Nơi nhận:', { bold: true, italics: true, size: 12 }), p('- Chủ tịch UBND tỉnh (b/c);', { size: 11 }), p('- Sở Nội vụ;', { size: 11 }), p('- Các cơ quan, đơn vị được đánh giá;', { size: 11 }), p('- Lưu: VT, HĐTĐ.', { size: 11 })] }),
      new TableCell({ borders: noBorders, children: [p('TM. HỘI ĐỒNG THẨM ĐỊNH', { bold: true, align: AlignmentType.CENTER }), p('CHỦ TỊCH', { bold: true, align: AlignmentType.CENTER }), p('(Ký, ghi rõ họ tên)', { italics: true, align: AlignmentType.CENTER })] }),
    ] })],
  }));
  const doc = new Document({
    creator: 'parindex', title: `Báo cáo Chỉ số CCHC năm ${report.year}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: cm(21), height: cm(29.7) }, margin: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
