// Turns the survey team's table into survey points, rejecting what cannot be right: unknown
// units, codes that are not survey leaves of the unit's framework, scores that are not numbers
// or exceed the leaf's max. Two layouts are accepted, detected from the header:
//   long: Mã đơn vị; Mã tiêu chí; Điểm          (one row per unit and leaf)
//   wide: Mã đơn vị; 8.1; 8.2; …                 (one row per unit, a column per leaf)
import { isLeaf, type Survey } from '../model.js';
import type { Registry } from '../rules/types.js';
import { viNumber } from '../rules/text.js';

export interface Rejection { line: number; message: string }
export interface SurveyImport { survey: Survey; accepted: number; rejected: Rejection[] }

const UNIT_HEADERS = /^(mã đơn vị|ma don vi|unit|đơn vị|don vi)$/i;
const CODE_HEADERS = /^(mã tiêu chí|ma tieu chi|code|tiêu chí)$/i;
const SCORE_HEADERS = /^(điểm|diem|score|points)$/i;

/** "1,5" and "1.5" are both one and a half; anything else non-numeric is rejected. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

export function importSurvey(rows: string[][], registry: Registry, year: number, source?: string): SurveyImport {
  const campaign = registry.campaigns.get(year);
  const units: Survey['units'] = {};
  const rejected: Rejection[] = [];
  let accepted = 0;
  const header = (rows[0] ?? []).map((h) => h.trim().normalize('NFC'));
  if (!campaign) return { survey: { year, units }, accepted, rejected: [{ line: 1, message: `Không có đợt đánh giá năm ${year}.` }] };
  if (!UNIT_HEADERS.test(header[0] ?? '')) {
    return { survey: { year, units }, accepted, rejected: [{ line: 1, message: 'Dòng tiêu đề phải bắt đầu bằng cột “Mã đơn vị”.' }] };
  }
  const long = CODE_HEADERS.test(header[1] ?? '') && SCORE_HEADERS.test(header[2] ?? '');
  const add = (line: number, unitId: string, code: string, cell: string) => {
    const unit = registry.units.get(unitId);
    if (!unit) return rejected.push({ line, message: `Đơn vị “${unitId}” không có trong danh mục.` });
    const fwId = campaign.groups.find((g) => g.id === unit.group)?.framework;
    const node = fwId ? registry.frameworks.get(fwId)?.byCode.get(code)?.node : undefined;
    if (!node || !isLeaf(node) || node.method !== 'survey') return rejected.push({ line, message: `Mã tiêu chí “${code}” không phải tiêu chí điều tra xã hội học của ${unit.shortName}.` });
    const score = parseScore(cell);
    if (score === null) return rejected.push({ line, message: `Điểm “${cell}” của ${unit.shortName}, tiêu chí ${code} không phải là số.` });
    if (score > node.max + 1e-9) return rejected.push({ line, message: `Điểm ${viNumber(score)} của ${unit.shortName}, tiêu chí ${code} vượt điểm tối đa ${viNumber(node.max)}.` });
    const forUnit = (units[unitId] ??= {});
    if (forUnit[code] !== undefined) return rejected.push({ line, message: `Trùng điểm của ${unit.shortName}, tiêu chí ${code}.` });
    forUnit[code] = score;
    accepted++;
  };
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => !c.trim())) return;
    const unitId = (row[0] ?? '').trim();
    if (long) add(line, unitId, (row[1] ?? '').trim(), row[2] ?? '');
    else header.slice(1).forEach((code, j) => { if ((row[j + 1] ?? '').trim()) add(line, unitId, code, row[j + 1]!); });
  });
  return { survey: { year, ...(source ? { source } : {}), units }, accepted, rejected };
}
