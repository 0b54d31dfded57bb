// Validation benchmark: the full rule engine on N synthetic self-assessments next to ajv-cli's
// structural pass over the same files, in the same run (ratios, not absolute times, compare).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateProvince } from './synthetic.js';

export interface BenchOptions { dir: string; log: (line: string) => void; root: string; units?: number }

function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { seconds: number; status: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, status: r.status, stderr: r.stderr ?? '' };
}

export async function benchValidate(opts: BenchOptions): Promise<Record<string, number>> {
  const units = opts.units ?? 4000;
  const dir = join(opts.dir, `validate-${units}`);
  if (!existsSync(join(dir, 'content', 'campaigns', '2023.yaml')) || !existsSync(join(dir, 'content', 'self-assessments', '2023', `don-vi-${String(units).padStart(4, '0')}.yaml`))) {
    opts.log(`Sinh ${units} đơn vị tổng hợp vào ${dir}…`);
    const g = await generateProvince({ root: opts.root, dir, units, years: [2023] });
    opts.log(`  ${g.files} tệp, ${(g.bytes / 1048576).toFixed(0)} MB`);
  }
  const cli = join(opts.root, 'scripts', 'bin', 'parindex.mjs');
  // Warm the launcher's bundle so no run pays for esbuild.
  timed(process.execPath, [cli, '--help'], opts.root);
  const ajvCli = join(opts.root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const ajv = timed(process.execPath, [ajvCli, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--errors=no',
    '-s', join(opts.root, 'schemas', 'self-assessment.schema.json'), '-d', 'content/self-assessments/2023/*.yaml'], dir);
  if (ajv.status !== 0) opts.log(`  ajv-cli thoát với mã ${ajv.status}: ${ajv.stderr.split('\n').slice(0, 3).join(' ')}`);
  // The same 4,000 files ajv-cli reads, with every rule, their units, framework and evidence.
  const same = timed(process.execPath, [cli, 'validate', '--root', dir, '--format', 'json', join(dir, 'content/self-assessments/2023')], opts.root);
  if (same.status !== 0) opts.log(`  validate thoát với mã ${same.status}: ${same.stderr.split('\n').slice(0, 3).join(' ')}`);
  // The same on one thread: what the engine costs per core next to ajv-cli's one thread.
  const one = timed(process.execPath, [cli, 'validate', '--root', dir, '--format', 'json', join(dir, 'content/self-assessments/2023')], opts.root,
    { ...process.env, PARINDEX_THREADS: '1' });
  // And the whole repository (also the 4,000 unit files, frameworks, campaign).
  const full = timed(process.execPath, [cli, 'validate', '--root', dir, '--format', 'json'], opts.root);
  if (full.status !== 0) opts.log(`  validate thoát với mã ${full.status}: ${full.stderr.split('\n').slice(0, 3).join(' ')}`);
  const single1 = timed(process.execPath, [cli, 'validate', '--root', dir, join(dir, 'content/self-assessments/2023/don-vi-0001.yaml')], opts.root);
  const single2 = timed(process.execPath, [cli, 'validate', '--root', dir, join(dir, 'content/self-assessments/2023/don-vi-0002.yaml')], opts.root);
  const single = Math.min(single1.seconds, single2.seconds);
  const nodeBaseline = timed(process.execPath, ['-e', '0'], opts.root).seconds;
  const figures = {
    units,
    'ajv-cli structural (s)': round(ajv.seconds),
    'parindex validate, same files, all rules (s)': round(same.seconds),
    'speed-up vs ajv-cli (×)': round(ajv.seconds / same.seconds),
    'parindex validate, same files, one thread (s)': round(one.seconds),
    'one thread vs ajv-cli (×)': round(ajv.seconds / one.seconds),
    'parindex validate, whole repository (s)': round(full.seconds),
    'one file, cold node process (s)': round(single),
    'bare node start (s)': round(nodeBaseline),
  };
  for (const [k, v] of Object.entries(figures)) opts.log(`  ${k}: ${v}`);
  return figures;
}

const round = (n: number) => Math.round(n * 100) / 100;
