// The explanation rounds: after the self-assessment deadline a unit may only answer the
// council. Only the explanation and the evidence of the items the council flagged (round 1
// `requestExplanation: true` in the BASE appraisal) and of deferred leaves may change; a score
// may go down (the unit concedes) but never up; nothing is added, removed or renamed, and the
// header stays as sent.
import { parseYaml } from '../load/yaml.js';
import { createLocator } from '../load/positions.js';
import { appraisalPathFor } from './paths.js';
import { selfAssessmentPath } from '../kinds.js';
import { readText, type ContentSource } from '../source.js';
import { formatNumber } from '../format.js';
import { resolveEvidencePath } from '../rules/evidence.js';
import type { Registry } from '../rules/types.js';
import type { ChangedFile, GateReason } from './index.js';
import { gateMessages as msg } from './messages.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys, so key order and YAML style never count as a change. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRec(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

const EDITABLE_FIELDS = new Set(['explanation', 'evidence', 'score']);

async function parsed(source: ContentSource, path: string): Promise<{ text: string; data: unknown } | null> {
  const text = await readText(source, path);
  if (text === null) return null;
  const r = parseYaml(text, path);
  return r.findings.length ? null : { text, data: r.data };
}

function items(doc: unknown): Rec[] {
  return isRec(doc) && Array.isArray(doc.items) ? doc.items.filter(isRec) : [];
}

/** Codes the council asked to explain, read from the base appraisal (absent → none). */
export async function flaggedCodes(base: ContentSource, year: number, unit: string): Promise<Set<string>> {
  const doc = await parsed(base, appraisalPathFor(year, unit));
  const out = new Set<string>();
  for (const it of items(doc?.data)) {
    const r1 = it.round1;
    if (isRec(r1) && r1.requestExplanation === true && (typeof it.code === 'string' || typeof it.code === 'number')) out.add(String(it.code));
  }
  return out;
}

function deferredCodes(registry: Registry, frameworkId: unknown): Set<string> {
  const fw = typeof frameworkId === 'string' ? registry.frameworks.get(frameworkId) : undefined;
  return new Set((fw?.leaves ?? []).filter((l) => (l as { deferred?: boolean }).deferred === true).map((l) => l.code));
}

/** Codes of items whose evidence cites `path` (a repository path inside the unit's folder). */
function citing(doc: unknown, path: string, year: number, unit: string): string[] {
  const out: string[] = [];
  for (const it of items(doc)) {
    const evs = Array.isArray(it.evidence) ? it.evidence.filter(isRec) : [];
    if (evs.some((e) => typeof e.file === 'string' && resolveEvidencePath(e.file, year, unit)?.path === path)) out.push(String(it.code));
  }
  return out;
}

export interface ExplanationInput {
  base: ContentSource;
  head: ContentSource;
  registry: Registry;
  year: number;
  unit: string;
  round: number;
  /** The changes of this unit and year only. */
  changes: ChangedFile[];
}

export async function explanationReasons(input: ExplanationInput): Promise<GateReason[]> {
  const { base, head, registry, year, unit, round, changes } = input;
  const reasons: GateReason[] = [];
  const saPath = selfAssessmentPath(year, unit);
  const [baseDoc, headDoc, flagged] = await Promise.all([parsed(base, saPath), parsed(head, saPath), flaggedCodes(base, year, unit)]);
  const allowed = new Set([...flagged, ...deferredCodes(registry, isRec(baseDoc?.data) ? baseDoc!.data.framework : undefined)]);
  let locator: ReturnType<typeof createLocator> | null = null;
  const lineOf = (path: (string | number)[]) => {
    if (!headDoc) return 1;
    locator ??= createLocator(headDoc.text);
    return locator.locate(path).line;
  };

  for (const c of changes) {
    for (const p of [c.path, c.previousPath]) {
      if (p !== saPath) continue;
      if (c.status !== 'modified') reasons.push({ rule: 'gate-explanation-file', message: msg.explanationFile(saPath, round), file: saPath });
    }
  }
  const saModified = changes.some((c) => c.path === saPath && c.status === 'modified');
  if (saModified) {
    if (!baseDoc || !headDoc || !isRec(baseDoc.data) || !isRec(headDoc.data)) {
      reasons.push({ rule: 'gate-explanation-file', message: msg.explanationUnreadable(saPath), file: saPath, line: 1 });
    } else {
      const b = baseDoc.data;
      const h = headDoc.data;
      for (const key of [...new Set([...Object.keys(b), ...Object.keys(h)])]) {
        if (key === 'items' || canonical(b[key]) === canonical(h[key])) continue;
        reasons.push({ rule: 'gate-header-changed', message: msg.headerChanged(key, round), file: saPath, line: key in h ? lineOf([key]) : 1 });
      }
      const bItems = new Map(items(b).map((it) => [String(it.code), it]));
      const hItems = items(h);
      const hCodes = new Set(hItems.map((it) => String(it.code)));
      hItems.forEach((it, i) => {
        const code = String(it.code);
        const before = bItems.get(code);
        if (!before) {
          reasons.push({ rule: 'gate-items-changed', message: msg.itemAdded(code, round), file: saPath, line: lineOf(['items', i]), code });
          return;
        }
        const changed = [...new Set([...Object.keys(before), ...Object.keys(it)])].filter((k) => canonical(before[k]) !== canonical(it[k]));
        if (!changed.length) return;
        if (!allowed.has(code)) {
          reasons.push({ rule: 'gate-explanation-not-flagged', message: msg.notFlagged(code, round), file: saPath, line: lineOf(['items', i, changed[0]!]), code });
          return;
        }
        for (const field of changed) {
          if (!EDITABLE_FIELDS.has(field)) {
            reasons.push({ rule: 'gate-explanation-field', message: msg.fieldLocked(code, field, round), file: saPath, line: lineOf(['items', i, field]), code });
          } else if (field === 'score') {
            const sb = typeof before.score === 'number' ? before.score : null;
            const sh = typeof it.score === 'number' ? it.score : null;
            // A missing or non-numeric score is the validator's business; only a rise is the gate's.
            if (sb !== null && sh !== null && sh > sb) {
              reasons.push({ rule: 'gate-score-raised', message: msg.scoreRaised(code, formatNumber(sb), formatNumber(sh)), file: saPath, line: lineOf(['items', i, 'score']), code });
            }
          }
        }
      });
      for (const code of bItems.keys()) {
        if (!hCodes.has(code)) reasons.push({ rule: 'gate-items-changed', message: msg.itemRemoved(code, round), file: saPath, line: 1, code });
      }
    }
  }

  // Evidence files: a file cited (before or after) by an item outside the flagged set is frozen.
  for (const c of changes) {
    for (const p of [c.path, c.previousPath]) {
      if (!p || p === saPath) continue;
      const codes = [...new Set([...citing(baseDoc?.data, p, year, unit), ...citing(headDoc?.data, p, year, unit)])].filter((code) => !allowed.has(code));
      if (codes.length) reasons.push({ rule: 'gate-explanation-file', message: msg.evidenceOfLockedItem(p, codes, round), file: p, code: codes[0] });
    }
  }
  return reasons;
}
