// The core rules in the browser: the entry (a self-assessment or an appraisal) is written out as YAML and goes through the same
// parse → schema → semantic rules → positions pipeline as CI (scripts/core/validate/engine.ts),
// with a ContentSource that reads evidence from the officer's uploads and the repository.
import { dump } from 'js-yaml';
import { classifyPath, selfAssessmentPath } from '../../scripts/core/kinds.js';
import { checkFile, EvidenceInspector, parseText, resolvePositions } from '../../scripts/core/validate/engine.js';
import { sortFindings, type Finding } from '../../scripts/core/findings.js';
import { memorySource, overlaySource, type ContentSource } from '../../scripts/core/source.js';
import { trustFiles } from './registry.js';
import type { Registry } from '../../scripts/core/rules/types.js';
import type { SelfAssessment } from '../../scripts/core/model.js';
import { S } from './strings.js';

/** YAML close to what Decap writes; the exact bytes only move line numbers, not findings. */
export function toYaml(data: unknown): string {
  return dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

/** The kinds of file edited in the CMS: officers' self-assessments, the council's appraisals. */
export const ENTRY_KINDS = new Set(['self-assessment', 'appraisal']);

/** Findings for a self-assessment's (or an appraisal's) text as stored at `path`. */
export async function checkText(text: string, path: string, registry: Registry, evidence: EvidenceInspector): Promise<Finding[]> {
  const info = classifyPath(path);
  if (!info || !ENTRY_KINDS.has(info.kind)) {
    return [{ rule: 'sa-unit-path', severity: 'error', file: path, line: 1, column: 1, message: S.notSelfAssessmentPath(path) }];
  }
  const parsed = parseText(text, path, info);
  const raw = [...parsed.findings, ...await checkFile(parsed, registry, evidence)];
  return sortFindings(resolvePositions(raw, new Map([[path, text]])));
}

/** Findings for the entry being edited (its data as the form holds it). */
export async function checkEntry(data: Partial<SelfAssessment>, year: number, registry: Registry, evidence: EvidenceInspector): Promise<Finding[]> {
  const unit = typeof data.unit === 'string' ? data.unit : '';
  if (!unit) return [];
  const path = selfAssessmentPath(year, unit);
  return checkText(toYaml(data), path, registry, evidence);
}

export function inspectorFor(source: ContentSource): EvidenceInspector {
  // The backend lists no folders: the trust store comes from the page (site/cms/registry.ts).
  return new EvidenceInspector(overlaySource(memorySource(trustFiles()), source));
}
