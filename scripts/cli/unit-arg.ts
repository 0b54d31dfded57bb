// `--unit <id>` of score, history and audit: a unit that is not in the registry is a usage
// error that names the registry file, instead of an empty table that reads like "no changes".
import { CONTENT_DIRS } from '../core/kinds.js';
import { UsageError } from './context.js';

const UNIT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function unitPath(unit: string): string {
  return `${CONTENT_DIRS.units}/${unit}.yaml`;
}

/** Throws a UsageError unless `unit` is a well-formed id that `exists` (a registry lookup). */
export async function requireUnit(unit: string, exists: (unit: string) => boolean | Promise<boolean>): Promise<void> {
  if (!UNIT_ID.test(unit)) throw new UsageError(`Mã đơn vị không hợp lệ: “${unit}” (chữ thường không dấu, số và dấu gạch ngang, ví dụ so-noi-vu).`);
  if (!(await exists(unit))) throw new UsageError(`Đơn vị “${unit}” không tồn tại: không có tệp ${unitPath(unit)}. Mã đơn vị là tên tệp trong ${CONTENT_DIRS.units}/.`);
}
