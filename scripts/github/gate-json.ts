// Reading back `parindex gate --json-out`. The Check workflow's verdict job reads it from the gate
// job's artifact, a job that handled pull-request data: its shape is checked before anything is
// posted from it.
import type { GateJson } from './report.js';

const SHA = /^[0-9a-f]{40}$/;

export function parseGateJson(text: string): GateJson {
  const j = JSON.parse(text) as Partial<GateJson>;
  const arrays = ['authors', 'units', 'changes', 'reasons', 'notes', 'findings'] as const;
  if (typeof j !== 'object' || j === null || typeof j.allowed !== 'boolean') throw new Error('thiếu trường allowed');
  for (const k of ['base', 'head', 'mergeBase'] as const) if (typeof j[k] !== 'string' || !SHA.test(j[k]!)) throw new Error(`trường ${k} không phải mã commit`);
  for (const k of arrays) if (!Array.isArray(j[k])) throw new Error(`trường ${k} không phải danh sách`);
  for (const k of ['now', 'judgedAt'] as const) if (typeof j[k] !== 'string' || Number.isNaN(Date.parse(j[k]!))) throw new Error(`trường ${k} không phải thời điểm`);
  if (!['admin', 'council', 'unit', 'unknown'].includes(j.role as string)) throw new Error('vai trò không hợp lệ');
  return j as GateJson;
}
