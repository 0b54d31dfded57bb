// What the PR comment and the job summary say, gathered once: the gate's decision, and for each
// unit the change touches, its self-scores by domain before and after, the items that changed
// and the evidence it cites. Reads two ContentSources (the base and the merged view); no
// network. Rendering is comment.ts (pure).
import { classifyPath, selfAssessmentPath } from '../core/kinds.js';
import { loadRegistry } from '../core/validate/engine.js';
import { parseYaml } from '../core/load/yaml.js';
import { readText, type ContentSource } from '../core/source.js';
import { scoreTree, selfScores, type NodeResult } from '../core/score/index.js';
import type { SelfAssessment } from '../core/model.js';
import type { Finding } from '../core/findings.js';
import type { ChangedFile, GateReason, Role } from '../core/gate/index.js';
import { scopeOf } from '../core/gate/scope.js';
import { canonical } from '../core/gate/explanation.js';
import { resolveEvidencePath } from '../core/rules/evidence.js';

/** The JSON `parindex gate --json-out` writes (scripts/cli/gate.ts gateJson). */
export interface GateJson {
  allowed: boolean;
  authors: string[];
  role: Role;
  units: string[];
  base: string;
  head: string;
  mergeBase: string;
  now: string;
  submittedAt: string | null;
  judgedAt: string;
  changes: ChangedFile[];
  reasons: GateReason[];
  notes: GateReason[];
  findings: (Omit<Finding, 'code'> & { code: string | null })[];
}

export interface DomainRow {
  code: string;
  title: string;
  max: number;
  before: number | null;
  after: number | null;
  index: number | null;
}

export interface ItemChangeRow {
  code: string;
  title: string;
  before: number | null;
  after: number | null;
  /** Changed fields, in the order shown. */
  fields: ('score' | 'notApplicable' | 'figures' | 'explanation' | 'evidence' | 'other')[];
  change: 'added' | 'removed' | 'changed';
}

export interface EvidenceRow {
  code: string;
  number: string;
  title: string;
  /** Repository path (file evidence) or web address. */
  file?: string;
  url?: string;
}

export interface UnitReport {
  year: number;
  unit: string;
  name: string;
  /** Null when the head has no readable self-assessment for the unit. */
  domains: DomainRow[] | null;
  total: DomainRow | null;
  items: ItemChangeRow[];
  evidence: EvidenceRow[];
}

export interface ReportModel {
  gate: GateJson;
  units: UnitReport[];
  links: { server: string; owner: string; repo: string; runUrl?: string; pr?: number };
}

async function readSelfAssessment(source: ContentSource, path: string): Promise<SelfAssessment | null> {
  const text = await readText(source, path);
  if (text === null) return null;
  const r = parseYaml(text, path);
  const d = r.data as SelfAssessment | undefined;
  return !r.findings.length && d && Array.isArray(d.items) ? d : null;
}

const FIELD_ORDER = ['score', 'notApplicable', 'figures', 'explanation', 'evidence'] as const;

function itemChanges(before: SelfAssessment | null, after: SelfAssessment | null, title: (code: string) => string): ItemChangeRow[] {
  const b = new Map((before?.items ?? []).map((i) => [String(i.code), i as unknown as Record<string, unknown>]));
  const a = new Map((after?.items ?? []).map((i) => [String(i.code), i as unknown as Record<string, unknown>]));
  const score = (i?: Record<string, unknown>) => (typeof i?.score === 'number' ? i.score : null);
  const rows: ItemChangeRow[] = [];
  for (const [code, item] of a) {
    const old = b.get(code);
    if (!old) { rows.push({ code, title: title(code), before: null, after: score(item), fields: [], change: 'added' }); continue; }
    const keys = [...new Set([...Object.keys(old), ...Object.keys(item)])].filter((k) => k !== 'code' && canonical(old[k]) !== canonical(item[k]));
    if (!keys.length) continue;
    const fields: ItemChangeRow['fields'] = FIELD_ORDER.filter((f) => keys.includes(f));
    if (keys.some((k) => !(FIELD_ORDER as readonly string[]).includes(k))) fields.push('other');
    rows.push({ code, title: title(code), before: score(old), after: score(item), fields, change: 'changed' });
  }
  for (const [code, item] of b) if (!a.has(code)) rows.push({ code, title: title(code), before: score(item), after: null, fields: [], change: 'removed' });
  return rows;
}

export async function buildReport(gate: GateJson, base: ContentSource, view: ContentSource,
  links: ReportModel['links']): Promise<ReportModel> {
  const touched = new Map<string, { year: number; unit: string }>();
  for (const c of gate.changes) {
    for (const p of [c.path, c.previousPath]) {
      if (!p) continue;
      const s = scopeOf(p);
      if (s.kind === 'unit-file') touched.set(`${s.year}/${s.unit}`, { year: s.year, unit: s.unit });
    }
  }
  const { registry } = await loadRegistry(view);
  const units: UnitReport[] = [];
  for (const { year, unit } of [...touched.values()].sort((x, y) => x.year - y.year || x.unit.localeCompare(y.unit))) {
    const path = selfAssessmentPath(year, unit);
    const [before, after] = await Promise.all([readSelfAssessment(base, path), readSelfAssessment(view, path)]);
    const fw = registry.frameworks.get((after ?? before)?.framework ?? '');
    const title = (code: string) => fw?.byCode.get(code)?.node.title ?? '';
    let domains: DomainRow[] | null = null;
    let total: DomainRow | null = null;
    if (fw && after) {
      const treeAfter = scoreTree(fw, selfScores(after));
      const treeBefore = before ? scoreTree(fw, selfScores(before)) : null;
      const row = (n: NodeResult, old: NodeResult | undefined): DomainRow =>
        ({ code: n.code, title: n.title, max: n.applicableMax, before: old ? old.points : null, after: n.points, index: n.index });
      domains = (treeAfter.children ?? []).map((d, i) => row(d, treeBefore?.children?.[i]));
      total = row(treeAfter, treeBefore ?? undefined);
    }
    const evidence: EvidenceRow[] = [];
    for (const item of after?.items ?? []) {
      for (const ev of item.evidence ?? []) {
        const resolved = ev.file !== undefined ? resolveEvidencePath(ev.file, year, unit) : null;
        evidence.push({ code: item.code, number: ev.number, title: ev.title,
          ...(resolved ? { file: resolved.path } : {}), ...(ev.url ? { url: ev.url } : {}) });
      }
    }
    units.push({ year, unit, name: registry.units.get(unit)?.name ?? unit, domains, total,
      items: itemChanges(before, after, title), evidence });
  }
  return { gate, units, links };
}

/** True for paths the report links to as data files (for the changed-files list). */
export function isDataPath(path: string): boolean {
  return classifyPath(path) !== null || path.startsWith('content/evidence/');
}
