// Which part of the repository a path belongs to, and so who may change it. One table: the
// gate, the PR comment and CODEOWNERS generation read it.
import { classifyPath } from '../kinds.js';

export type Scope =
  /** A unit's self-assessment or a file in its evidence folder: the unit's officers. */
  | { kind: 'unit-file'; unit: string; year: number; file: 'self-assessment' | 'evidence' }
  /** Appraisals and survey scores: the appraisal council. */
  | { kind: 'council' }
  /** Units, frameworks, campaigns, access, guidance and any other data: the admins. */
  | { kind: 'registry' }
  /** Code, site, workflows, configuration: the admins. */
  | { kind: 'platform' };

const EVIDENCE = /^content\/evidence\/(\d{4})\/([^/]+)\/.+/;

export function scopeOf(path: string): Scope {
  const info = classifyPath(path);
  if (info?.kind === 'self-assessment') return { kind: 'unit-file', unit: info.id, year: info.year!, file: 'self-assessment' };
  if (info?.kind === 'appraisal' || info?.kind === 'survey') return { kind: 'council' };
  if (info) return { kind: 'registry' };
  const ev = EVIDENCE.exec(path);
  if (ev) return { kind: 'unit-file', unit: ev[2]!, year: +ev[1]!, file: 'evidence' };
  return path.startsWith('content/') ? { kind: 'registry' } : { kind: 'platform' };
}
