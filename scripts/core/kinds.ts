// Every kind of data file, where it lives and which schema describes it. The loader, the
// validator, the generators and the CMS config all read this one table.

export const KINDS = ['unit', 'framework', 'campaign', 'self-assessment', 'access', 'appraisal', 'survey'] as const;
export type Kind = (typeof KINDS)[number];

export const SCHEMA_FILES: Record<Kind, string> = {
  unit: 'schemas/unit.schema.json',
  framework: 'schemas/framework.schema.json',
  campaign: 'schemas/campaign.schema.json',
  'self-assessment': 'schemas/self-assessment.schema.json',
  access: 'schemas/access.schema.json',
  appraisal: 'schemas/appraisal.schema.json',
  survey: 'schemas/survey.schema.json',
};

/** Vietnamese name of each kind, for messages. */
export const KIND_NAMES: Record<Kind, string> = {
  unit: 'đơn vị',
  framework: 'bộ tiêu chí',
  campaign: 'đợt đánh giá',
  'self-assessment': 'bảng tự chấm điểm',
  access: 'phân quyền',
  appraisal: 'kết quả thẩm định',
  survey: 'điểm điều tra xã hội học',
};

export interface PathInfo {
  kind: Kind;
  /** The id the path implies: unit id, framework id, campaign year, or the unit of a per-year file. */
  id: string;
  year?: number;
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => PathInfo][] = [
  [/^content\/access\.ya?ml$/, () => ({ kind: 'access', id: 'access' })],
  [/^content\/units\/([^/]+)\.ya?ml$/, (m) => ({ kind: 'unit', id: m[1]! })],
  [/^content\/frameworks\/([^/]+)\.ya?ml$/, (m) => ({ kind: 'framework', id: m[1]! })],
  [/^content\/campaigns\/(\d{4})\.ya?ml$/, (m) => ({ kind: 'campaign', id: m[1]!, year: +m[1]! })],
  [/^content\/self-assessments\/(\d{4})\/([^/]+)\.ya?ml$/, (m) => ({ kind: 'self-assessment', id: m[2]!, year: +m[1]! })],
  [/^content\/appraisals\/(\d{4})\/([^/]+)\.ya?ml$/, (m) => ({ kind: 'appraisal', id: m[2]!, year: +m[1]! })],
  [/^content\/surveys\/(\d{4})\.ya?ml$/, (m) => ({ kind: 'survey', id: m[1]!, year: +m[1]! })],
];

/** The kind of a repository-relative path, or null for files the validator does not own. */
export function classifyPath(path: string): PathInfo | null {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(path);
    if (m) return make(m);
  }
  return null;
}

export const CONTENT_DIRS = {
  units: 'content/units',
  frameworks: 'content/frameworks',
  campaigns: 'content/campaigns',
  selfAssessments: 'content/self-assessments',
  evidence: 'content/evidence',
  access: 'content/access.yaml',
  appraisals: 'content/appraisals',
  surveys: 'content/surveys',
  /** The province's trusted CA certificates (PEM), see docs/evidence.md. */
  trust: 'content/trust',
} as const;

export function selfAssessmentPath(year: number, unit: string): string {
  return `${CONTENT_DIRS.selfAssessments}/${year}/${unit}.yaml`;
}

export function evidenceFolder(year: number, unit: string): string {
  return `${CONTENT_DIRS.evidence}/${year}/${unit}/`;
}
