// Validation as the gate sees it: the changed data files (and the self-assessment an evidence
// change belongs to) must have no errors in the head. A registry change (framework, campaign,
// unit) can break files it did not touch: those are checked too, and only errors that are NEW
// against the base refuse, so one unit's old broken file never blocks everybody else.
import type { Finding } from '../findings.js';
import type { ContentSource } from '../source.js';
import { listDataFiles, targetsFor, validate } from '../validate/engine.js';
import type { ChangedFile, GateReason } from './index.js';
import { gateMessages as msg } from './messages.js';

const MAX_REASONS = 30;

const key = (f: Finding) => `${f.rule}\u0000${f.file}\u0000${f.code ?? ''}\u0000${f.message}`;

export interface GateValidation {
  findings: Finding[];
  reasons: GateReason[];
}

export async function validateChange(base: ContentSource, head: ContentSource, changes: readonly ChangedFile[]): Promise<GateValidation> {
  const paths = changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path]));
  const { targets, all } = targetsFor(paths);
  const present = async (src: ContentSource, list: string[]) =>
    (await Promise.all(list.map(async (p) => ((await src.read(p)) ? p : null)))).filter((p): p is string => p !== null);
  const own = new Set(await present(head, targets));
  const everything = all ? await listDataFiles(head) : [...own];
  const { findings } = await validate(head, { targets: everything });

  const reasons: GateReason[] = [];
  const ownErrors = findings.filter((f) => f.severity === 'error' && own.has(f.file));
  for (const f of ownErrors.slice(0, MAX_REASONS)) {
    reasons.push({ rule: 'gate-validation', message: msg.validationError(f.message), file: f.file, line: f.line, ...(f.code ? { code: f.code } : {}) });
  }
  if (ownErrors.length > MAX_REASONS) reasons.push({ rule: 'gate-validation', message: msg.tooManyErrors(ownErrors.length - MAX_REASONS) });

  let elsewhere = findings.filter((f) => f.severity === 'error' && !own.has(f.file));
  if (elsewhere.length) {
    const files = await present(base, [...new Set(elsewhere.map((f) => f.file))]);
    const before = new Set((await validate(base, { targets: files })).findings.map(key));
    elsewhere = elsewhere.filter((f) => !before.has(key(f)));
    for (const f of elsewhere.slice(0, MAX_REASONS)) {
      reasons.push({ rule: 'gate-broken-elsewhere', message: msg.brokenElsewhere(f.file, f.message), file: f.file, line: f.line, ...(f.code ? { code: f.code } : {}) });
    }
    if (elsewhere.length > MAX_REASONS) reasons.push({ rule: 'gate-broken-elsewhere', message: msg.tooManyErrors(elsewhere.length - MAX_REASONS) });
  }
  const newElsewhere = new Set(elsewhere.map(key));
  return { findings: findings.filter((f) => own.has(f.file) || newElsewhere.has(key(f))), reasons };
}
