// Runs one `run:` step of a workflow with bash, as a runner would, with its `env:` evaluated
// from a context the test gives and `npm` replaced by a recorder: what a step passes to the
// gate can then be checked for any event without GitHub. The expression evaluator covers what
// our workflows use in `env:` (property paths, string literals, ==, &&, ||, with GitHub's
// “returns an operand” semantics); anything else throws so a test never passes on a guess.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Ctx = Record<string, unknown>;

function tokenize(src: string): string[] {
  const out: string[] = [];
  const re = /\s*('(?:[^']|'')*'|==|!=|&&|\|\||[A-Za-z_][A-Za-z0-9_.-]*)/y;
  let i = 0;
  while (i < src.trim().length + (src.length - src.trimStart().length)) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) { if (!src.slice(i).trim()) break; throw new Error(`expression not supported: ${src}`); }
    out.push(m[1]!);
    i = re.lastIndex;
  }
  return out;
}

export function evaluate(src: string, ctx: Ctx): unknown {
  const t = tokenize(src);
  let p = 0;
  const primary = (): unknown => {
    const tok = t[p++];
    if (tok === undefined) throw new Error(`expression ended early: ${src}`);
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    return tok.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Ctx)[k] : undefined), ctx) ?? '';
  };
  const eq = (): unknown => {
    let l = primary();
    while (t[p] === '==' || t[p] === '!=') { const op = t[p++]; const r = primary(); l = op === '==' ? l === r : l !== r; }
    return l;
  };
  const and = (): unknown => { let l = eq(); while (t[p] === '&&') { p++; const r = eq(); l = l ? r : l; } return l; };
  const or = (): unknown => { let l = and(); while (t[p] === '||') { p++; const r = and(); l = l ? l : r; } return l; };
  const v = or();
  if (p !== t.length) throw new Error(`expression not supported: ${src}`);
  return v;
}

function interpolate(value: unknown, ctx: Ctx): string {
  return String(value ?? '').replace(/\$\{\{(.+?)\}\}/g, (_, e: string) => {
    const v = evaluate(e, ctx);
    return v === false || v === null || v === undefined ? (v === false ? 'false' : '') : String(v);
  });
}

/** Runs the step's script; returns the arguments of its `npm` call (empty when none). */
export function runStep(step: { run: string; env?: Record<string, unknown> }, ctx: Ctx): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-step-'));
  try {
    const argsFile = join(dir, 'npm-args');
    writeFileSync(argsFile, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_TEMP: dir, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: join(dir, 'output'), ARGS_OUT: argsFile };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx);
    const script = `npm() { printf '%s\\n' "$@" > "$ARGS_OUT"; return 0; }\nset -e\n${step.run}`;
    execFileSync('bash', ['-c', script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return readFileSync(argsFile, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
