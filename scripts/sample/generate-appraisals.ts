// The council's side of the sample: appraisals (round 1 and final) for every sample self-
// assessment, the survey team's CSV and its import, so published results are complete. The
// council applies the seed guidance's rules through the same engine officers see: an item with
// a letter-suffixed document number, an explanation citing no locator, or a missing statistics
// table gets 0; an unsigned document triggers an explanation request. A few items are cut by
// judgement and flagged for explanation; round 2 restores some of them. Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import { fsSource } from '../io/fs-source.js';
import { loadContent } from '../core/load/content.js';
import { validate, loadRegistry } from '../core/validate/engine.js';
import { isLeaf, type Appraisal, type FrameworkLeaf } from '../core/model.js';
import { allowedScores } from '../core/rules/scores.js';
import { importSurvey } from '../core/survey/import.js';
import { rng } from './lib.js';

const ZERO_RULES: Record<string, (f: { message: string }) => string> = {
  'evidence-number-suffix': () => 'Tài liệu kiểm chứng có số văn bản a, b: chấm 0 điểm theo Hướng dẫn của Sở Nội vụ.',
  'explanation-no-locator': () => 'Giải trình không nêu rõ số liệu, kết quả tại Mục, Khoản, Điểm nào của tài liệu kiểm chứng: chấm 0 điểm.',
  'statistics-table-missing': () => 'Không lập Bảng thống kê kết quả theo đúng hướng dẫn: chấm 0 điểm.',
  'evidence-missing': () => 'Không có tài liệu kiểm chứng: chấm 0 điểm.',
};

const CUT_REMARKS = [
  'Tài liệu kiểm chứng chưa thể hiện đầy đủ số liệu theo yêu cầu của tiêu chí; đề nghị giải trình, bổ sung.',
  'Số liệu trong giải trình chưa khớp với báo cáo kèm theo; đề nghị làm rõ.',
  'Chưa có sản phẩm minh chứng cho một số nhiệm vụ đã nêu; đề nghị bổ sung.',
];

const n2 = (x: number) => Math.round(x * 100) / 100;

/** The level just below `score` on the leaf's scale (the council cuts by levels). */
function lowerLevel(leaf: FrameworkLeaf, score: number): number {
  const levels = [...new Set(allowedScores(leaf) ?? [0])].sort((a, b) => b - a);
  return levels.find((l) => l < score - 1e-9) ?? 0;
}

export async function generateAppraisals(root: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const source = fsSource(root);
  const content = await loadContent(source);
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    written.push(path);
  };
  for (const [year, y] of content.years) {
    if (!y.campaign || !y.selfAssessments.size) continue;
    const findings = (await validate(source, { targets: [...y.selfAssessments.keys()].map((u) => `content/self-assessments/${year}/${u}.yaml`) })).findings;
    const surveyRows: string[][] = [['Mã đơn vị', 'Mã tiêu chí', 'Điểm']];
    for (const [unitId, sa] of [...y.selfAssessments].sort(([a], [b]) => a.localeCompare(b))) {
      const fw = content.registry.frameworks.get(sa.framework);
      if (!fw) continue;
      const r = rng(`appraisal:${year}:${unitId}`);
      const byCode = new Map<string, string[]>();
      for (const f of findings) if (f.file.endsWith(`/${unitId}.yaml`) && f.code) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f.rule]);
      const items: Appraisal['items'] = sa.items.map((item) => {
        const node = fw.byCode.get(item.code)?.node;
        const leaf = node && isLeaf(node) ? node : undefined;
        const rules = byCode.get(item.code) ?? [];
        const zero = rules.find((id) => ZERO_RULES[id]);
        if (!leaf || item.notApplicable) return { code: item.code, round1: { score: item.score } };
        if (zero && item.score > 0) return { code: item.code, round1: { score: 0, remark: ZERO_RULES[zero]!({ message: '' }) } };
        if (rules.includes('evidence-unsigned') && item.score > 0) {
          const accepted = r.chance(0.7);
          return { code: item.code, round1: { score: 0, remark: 'Tài liệu kiểm chứng chưa được ký số; đề nghị bổ sung văn bản điện tử đã ký số.', requestExplanation: true },
            round2: accepted ? { score: item.score, remark: 'Đơn vị đã bổ sung văn bản ký số.' } : { score: 0, remark: 'Không bổ sung văn bản ký số trong thời hạn.' } };
        }
        if (leaf.deferred) {
          // Data due after the window: the council scores round 1 as sent and confirms in round 2.
          return { code: item.code, round1: { score: item.score }, round2: { score: item.score, remark: 'Đã bổ sung số liệu đến hết ngày 30/11.' } };
        }
        if (item.score > 0 && r.chance(0.08)) {
          const cut = lowerLevel(leaf, item.score);
          const restored = r.chance(0.5);
          return { code: item.code, round1: { score: cut, remark: r.pick(CUT_REMARKS), requestExplanation: true },
            round2: restored ? { score: item.score, remark: 'Giải trình, bổ sung đạt yêu cầu.' } : { score: cut, remark: 'Giải trình chưa làm rõ; giữ nguyên điểm đợt 1.' } };
        }
        return { code: item.code, round1: { score: item.score } };
      });
      const adjustments = y.campaign.adjustments;
      const appraisal: Appraisal = {
        unit: unitId, year, framework: sa.framework,
        appraisers: [r.pick(['Trần Văn Hùng', 'Lê Thị Mai', 'Phạm Quốc Bảo']), r.pick(['Đỗ Thị Lan', 'Hoàng Minh Tuấn'])],
        ...(adjustments?.bonusMax && r.chance(0.3) ? { bonus: { points: Math.min(1, adjustments.bonusMax), reason: 'Có mô hình, sáng kiến cải cách hành chính được UBND tỉnh công nhận.' } } : {}),
        ...(adjustments?.penaltyMax && r.chance(0.15) ? { penalty: { points: Math.min(0.5, adjustments.penaltyMax), reason: 'Chậm gửi báo cáo cải cách hành chính định kỳ quý III.' } } : {}),
        items,
      };
      write(`content/appraisals/${year}/${unitId}.yaml`, `# Kết quả thẩm định (dữ liệu mẫu) của Hội đồng thẩm định.\n${dump(appraisal, { lineWidth: 120, quotingType: '"', flowLevel: 3 })}`);
      const cut = items.filter((i) => (i.round2 ?? i.round1).score < (sa.items.find((s) => s.code === i.code)?.score ?? 0)).length;
      log(`${year} ${unitId.padEnd(26)} thẩm định ${items.length} tiêu chí, ${items.filter((i) => i.round1.requestExplanation).length} yêu cầu giải trình, ${cut} bị trừ điểm`);
      // The survey team's sheet: a plausible satisfaction level per unit, varied per leaf.
      const level = 0.68 + r.next() * 0.22;
      for (const leaf of fw.leaves.filter((l) => l.method === 'survey')) {
        surveyRows.push([unitId, leaf.code, String(n2(leaf.max * Math.min(1, level + (r.next() - 0.5) * 0.12))).replace('.', ',')]);
      }
    }
    const csv = surveyRows.map((row) => row.join(';')).join('\n') + '\n';
    write(`content/surveys/${year}.csv`, csv);
    const { registry } = await loadRegistry(source);
    const imported = importSurvey(surveyRows, registry, year, `Nhóm điều tra xã hội học, tệp ${year}.csv (dữ liệu mẫu)`);
    if (imported.rejected.length) throw new Error(`sample survey rejected: ${imported.rejected[0]!.message}`);
    write(`content/surveys/${year}.yaml`, `# Điểm điều tra xã hội học năm ${year}: sinh bởi npm run import-survey, không sửa tay.\n${dump(imported.survey, { lineWidth: 120, quotingType: '"' })}`);
  }
  return written;
}
