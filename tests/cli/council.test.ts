// The council's commands on the sample data: the report opens and agrees with `score`, and the
// survey import round-trips the sample CSV.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'scripts', 'bin', 'parindex.mjs');
const run = (args: string[], cwd = root) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('council report', () => {
  it('writes a DOCX in the administrative layout and an XLSX that agrees with score --stage final', async () => {
    const out = mkdtempSync(join(tmpdir(), 'parindex-report-'));
    const r = run(['report', '--year', '2023', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const score = JSON.parse(run(['score', '--year', '2023', '--stage', 'final', '--format', 'json']).out);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'bao-cao-chi-so-cchc-2023-final.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'HỘI ĐỒNG THẨM ĐỊNH', 'TM. HỘI ĐỒNG THẨM ĐỊNH', 'Quyết định số 618/QĐ-UBND']) expect(xml).toContain(s);
    for (const g of score.groups) for (const u of g.units) expect(xml).toContain(u.name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'bao-cao-chi-so-cchc-2023-final.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(score.groups[0].name)!;
    expect(sheet.getRow(2).values).toContain('Chỉ số (%)');
    const rows = score.groups[0].units.map((u: { rank: number; unit: string; points: number; index: number }) => [u.rank, u.unit, u.points, u.index]);
    const fromSheet = [];
    for (let i = 3; i <= sheet.rowCount; i++) {
      const v = sheet.getRow(i).values as unknown[];
      fromSheet.push([v[1], v[2], v[9], v[11]]);
    }
    expect(fromSheet).toEqual(rows);
    // Points and the index with two fixed decimals ("0.##" printed "85." for whole numbers).
    for (let col = 4; col <= 11; col++) expect(sheet.getRow(3).getCell(col).numFmt, `column ${col}`).toBe('0.00');
    const domains = wb.getWorksheet('Theo lĩnh vực')!;
    for (let col = 6; col <= 10; col++) expect(domains.getRow(2).getCell(col).numFmt, `domain column ${col}`).toBe('0.00');
  });
});

describe('import-survey', () => {
  it('re-imports the sample CSV to the same YAML data, and refuses bad rows without writing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-survey-'));
    for (const d of ['content/units', 'content/frameworks', 'content/campaigns']) cpSync(join(root, d), join(dir, d), { recursive: true });
    mkdirSync(join(dir, 'content/surveys'), { recursive: true });
    const ok = run(['import-survey', join(root, 'content/surveys/2023.csv'), '--year', '2023', '--root', dir]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Hợp lệ: 160 điểm của 8 đơn vị; bị từ chối: 0 dòng/);
    const written = readFileSync(join(dir, 'content/surveys/2023.yaml'), 'utf8');
    const sample = readFileSync(join(root, 'content/surveys/2023.yaml'), 'utf8');
    // Same scores as the committed sample (only the provenance line differs).
    expect(written.replace(/^source:.*$/m, '')).toBe(sample.replace(/^source:.*$/m, ''));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Mã đơn vị;Mã tiêu chí;Điểm\nso-noi-vu;8.1.1;9\nkhong-co;8.1.1;1\nso-noi-vu;1.1;1\n');
    const before = readFileSync(join(dir, 'content/surveys/2023.yaml'), 'utf8');
    const r = spawnSync(process.execPath, [cli, 'import-survey', bad, '--year', '2023', '--root', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:2: bị từ chối: Điểm 9 của Sở Nội vụ, tiêu chí 8\.1\.1 vượt điểm tối đa/);
    expect(r.stderr).toMatch(/bad\.csv:3: bị từ chối: Đơn vị “khong-co” không có trong danh mục/);
    expect(r.stderr).toMatch(/bad\.csv:4: bị từ chối: Mã tiêu chí “1\.1” không phải tiêu chí điều tra/);
    expect(r.stderr).toMatch(/Chưa ghi gì/);
    expect(readFileSync(join(dir, 'content/surveys/2023.yaml'), 'utf8')).toBe(before);
  });
});
