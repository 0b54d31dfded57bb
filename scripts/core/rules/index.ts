// Every semantic rule, grouped by the kind of file it checks. Structural checks (ajv) and the
// loader's checks have ids too; they are listed here so `validate --rules` shows everything.
import type { Rule, ContextByKind } from './types.js';
import { headerRules } from './header.js';
import { codeRules } from './codes.js';
import { scoreRules } from './scores.js';
import { explanationRules } from './explanation.js';
import { evidenceRules } from './evidence.js';
import { signatureRules } from './signature.js';
import { frameworkRules } from './framework.js';
import { campaignRules } from './campaign.js';
import { unitRules } from './unit.js';
import { appraisalRules, surveyRules } from './appraisal.js';

export const RULES = [
  ...headerRules, ...codeRules, ...scoreRules, ...explanationRules, ...evidenceRules, ...signatureRules,
  ...frameworkRules, ...campaignRules, ...unitRules, ...appraisalRules, ...surveyRules,
] as Rule[];

export function rulesFor<K extends keyof ContextByKind>(kind: K): Rule<K>[] {
  return RULES.filter((r) => r.kind === kind) as unknown as Rule<K>[];
}

/** Checks performed outside the rule list, with the ids their findings carry. */
export const BUILTIN_CHECKS = [
  { id: 'yaml-syntax', severity: 'error', description: 'Tệp YAML đúng cú pháp' },
  { id: 'yaml-duplicate-key', severity: 'error', description: 'Không lặp lại một trường trong cùng khối' },
  { id: 'yaml-limits', severity: 'error', description: 'Giới hạn kích thước, độ sâu, tham chiếu (alias)' },
  { id: 'yaml-encoding', severity: 'error', description: 'Tệp mã hóa UTF-8' },
  { id: 'schema', severity: 'error', description: 'Đúng mẫu dữ liệu (JSON Schema)' },
] as const;
