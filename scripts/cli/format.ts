// Output formats for findings: human text (Vietnamese), JSON (the fixed contract), and GitHub
// workflow annotations.
import type { Finding } from '../core/findings.js';

const SEVERITY_VI = { error: 'lỗi', warning: 'cảnh báo' } as const;

export function formatText(findings: Finding[], files: number): string {
  const lines = findings.map((f) =>
    `${f.file}:${f.line}:${f.column}  ${SEVERITY_VI[f.severity]}  ${f.code ? `[${f.code}] ` : ''}${f.message}  (${f.rule})`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(`${lines.length ? '\n' : ''}Đã kiểm tra ${files} tệp: ${errors} lỗi, ${warnings} cảnh báo.` +
    (errors ? ' Lỗi phải được sửa trước khi gửi.' : warnings ? ' Cảnh báo là những điểm Hội đồng thẩm định có thể trừ điểm.' : ''));
  return lines.join('\n') + '\n';
}

export function formatJson(findings: Finding[], files: number): string {
  return JSON.stringify({
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, code: f.code ?? null, message: f.message })),
    files,
  }, null, 2) + '\n';
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data escapes
// %, CR, LF; property values additionally escape ':' and ','.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(findings: Finding[], files: number): string {
  const lines = findings.map((f) => {
    const title = `${f.code ? `Tiêu chí ${f.code} · ` : ''}${f.rule}`;
    return `::${f.severity} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(title)}::${escapeData(f.message)}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(`Đã kiểm tra ${files} tệp: ${errors} lỗi, ${findings.length - errors} cảnh báo.`);
  return lines.join('\n') + '\n';
}
