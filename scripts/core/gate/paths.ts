// Paths the gate reads that the shared kinds table does not name a helper for.
import { CONTENT_DIRS } from '../kinds.js';

export function appraisalPathFor(year: number, unit: string): string {
  return `${CONTENT_DIRS.appraisals}/${year}/${unit}.yaml`;
}
