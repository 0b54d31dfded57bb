// A finding is what every check produces and every surface shows: the CLI, CI annotations,
// the PR comment, the CMS panel. `path` locates it inside the parsed document; the engine
// turns it into a line and column only for files that have findings.

export type Severity = 'error' | 'warning';
export type JsonPath = (string | number)[];

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** Criterion code the finding is about, when there is one. */
  code?: string;
  message: string;
}

/** A finding before its position is resolved. `line`/`column` win over `path` when known. */
export interface RawFinding {
  rule: string;
  severity: Severity;
  file: string;
  path?: JsonPath;
  /** Point at the key instead of the value (e.g. an unknown field). */
  atKey?: boolean;
  line?: number;
  column?: number;
  code?: string;
  message: string;
}

export function hasErrors(findings: readonly { severity: Severity }[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column ||
    a.rule.localeCompare(b.rule));
}
