// The shape of a rule. Each rule has a stable id (used in fixtures, annotations and the CMS),
// a severity (error: blocks sending; warning: the council is likely to cut points) and a
// Vietnamese description; its messages live beside it.
import type { EvidenceEntry } from './evidence.js';
import type { JsonPath, RawFinding, Severity } from '../findings.js';
import type { Access, Appraisal, Campaign, FrameworkIndex, SelfAssessment, Survey, Unit, Framework } from '../model.js';
import type { PdfSignatureInfo } from '../evidence/pdf.js';
import type { SignatureCheck } from '../evidence/verdict.js';
import type { DocumentHeader } from '../evidence/header.js';

export interface Registry {
  units: Map<string, Unit>;
  frameworks: Map<string, FrameworkIndex>;
  campaigns: Map<number, Campaign>;
  /** Admins, council and merge bot (content/access.yaml), when present. */
  access?: Access;
  /** Only some units were loaded (see loadRegistry); rules needing all units must not run on it. */
  partial?: boolean;
  /** Ids whose files exist but are invalid: dependants skip checks instead of piling up findings. */
  broken: Set<string>;
}

export interface EvidenceInfo {
  path: string;
  exists: boolean;
  sha256?: string;
  pdf?: PdfSignatureInfo;
  /** Every signature verified cryptographically, in file order (PDFs with a signature only). */
  signatures?: SignatureCheck[];
  /** Whether content/trust/ holds any certificate: without one, trust is not judged. */
  trustConfigured?: boolean;
  /** The header printed on the first page; absent when it was not read (see ValidateOptions.headers) or unreadable. */
  header?: DocumentHeader;
}

export interface Report {
  (finding: { path?: JsonPath; message: string; code?: string; atKey?: boolean }): void;
}

interface BaseContext<T> {
  file: string;
  data: T;
  registry: Registry;
}

export interface SelfAssessmentContext extends BaseContext<SelfAssessment> {
  pathYear: number;
  pathUnit: string;
  unit?: Unit;
  campaign?: Campaign;
  framework?: FrameworkIndex;
  evidence: Map<string, EvidenceInfo>;
  /** Every evidence entry with its item, leaf and resolved file: computed once per check (by the
   * engine, or by the first evidence rule that needs it) and shared by the evidence rules. */
  entries?: EvidenceEntry[];
}

export interface FrameworkContext extends BaseContext<Framework> { pathId: string; index: FrameworkIndex }
export interface CampaignContext extends BaseContext<Campaign> { pathYear: number }
export interface UnitContext extends BaseContext<Unit> { pathId: string }

export interface AppraisalContext extends BaseContext<Appraisal> {
  pathYear: number;
  pathUnit: string;
  unit?: Unit;
  campaign?: Campaign;
  framework?: FrameworkIndex;
  /** The unit's self-assessment, when it exists and is valid. */
  selfAssessment?: SelfAssessment;
}

export interface SurveyContext extends BaseContext<Survey> { pathYear: number; campaign?: Campaign }

export interface ContextByKind {
  'self-assessment': SelfAssessmentContext;
  framework: FrameworkContext;
  campaign: CampaignContext;
  unit: UnitContext;
  appraisal: AppraisalContext;
  survey: SurveyContext;
}

export interface Rule<K extends keyof ContextByKind = keyof ContextByKind> {
  id: string;
  kind: K;
  severity: Severity;
  /** What the rule checks, in Vietnamese (listed by `validate --rules` and in the docs). */
  description: string;
  check(ctx: ContextByKind[K], report: Report): void;
}

export function defineRule<K extends keyof ContextByKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

export type { RawFinding };
