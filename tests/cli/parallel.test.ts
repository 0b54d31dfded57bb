// The CLI splits a large validation across worker threads (scripts/io/parallel.ts): whatever the
// threads, the findings must be exactly those of one in-process run, including files that do not
// parse, findings placed in another file, and units loaded on demand by each thread.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../../scripts/bench/synthetic.js';
import { validate } from '../../scripts/core/validate/engine.js';
import { fsSource, nodeSha256 } from '../../scripts/io/fs-source.js';
import { formatJson } from '../../scripts/cli/format.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'scripts', 'bin', 'parindex.mjs');
let dir: string;

const sa = (n: number) => join(dir, 'content/self-assessments/2023', `don-vi-${String(n).padStart(4, '0')}.yaml`);
function edit(path: string, from: string | RegExp, to: string) {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${path}: ${from}`);
  writeFileSync(path, next);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parindex-parallel-'));
  await generateProvince({ root, dir, units: 90, years: [2023], leavesPerDomain: 3 });
  edit(sa(3), 'items:\n', 'items:\n  - code: [\n');                        // does not parse
  edit(sa(17), /number: 55\/BC-SNV/, 'number: 55a/BC-SNV');            // a warning
  edit(sa(41), /score: 1\n/, 'score: 9\n');                                // an error
  rmSync(join(dir, 'content/evidence/2023/don-vi-0060'), { recursive: true }); // missing evidence
  edit(join(dir, 'content/units/don-vi-0088.yaml'), /activeTo: .*\n|$/, 'activeTo: "2020-12-31"\n'); // inactive unit
  edit(sa(89), /^unit: don-vi-0089$/m, 'unit: don-vi-9999');              // unknown unit, wrong path
}, 120_000);

describe('validate across threads', () => {
  it('finds exactly what one thread finds', async () => {
    // Three threads: the main one and two workers, whatever the machine's cores.
    const r = spawnSync(process.execPath, [cli, 'validate', '--root', dir, '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, PARINDEX_THREADS: '3' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const parallel = JSON.parse(r.stdout);
    // A whole-repository CLI run does not read printed headers (scripts/cli/validate.ts).
    const result = await validate(fsSource(dir), { hash: nodeSha256, headers: false });
    const single = JSON.parse(formatJson(result.findings, result.files));
    expect(parallel.files).toBeGreaterThan(90 + 64);
    expect(parallel).toEqual(single);
    const rules = new Set<string>(parallel.findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file.split('/').pop()}`));
    for (const expected of ['yaml-syntax don-vi-0003.yaml', 'evidence-number-suffix don-vi-0017.yaml', 'evidence-file-missing don-vi-0060.yaml',
      'sa-unit-inactive don-vi-0088.yaml', 'sa-unit-unknown don-vi-0089.yaml']) expect(rules).toContain(expected);
    expect([...rules].some((r) => r.endsWith('don-vi-0041.yaml') && r.startsWith('score-'))).toBe(true);
  }, 120_000);
});
