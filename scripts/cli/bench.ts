// `parindex bench [--only validate,history,site,cms,start,evidence] [--units N] [--dir .bench]`
// A benchmark, not a test: it prints figures (and a Markdown table) to copy into docs/benchmarks.md.
import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';

const USAGE = 'Cách dùng: npm run bench -- [--only validate,history,site,cms,start,evidence] [--units 4000] [--dir .bench]';

type Bench = (opts: { dir: string; log: (line: string) => void; root: string; units?: number }) => Promise<Record<string, number>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  validate: async () => (await import('../bench/validate.js')).benchValidate,
  history: async () => (await import('../bench/history.js')).benchHistory as Bench,
  site: async () => (await import('../bench/site.js')).benchSite as Bench,
  cms: async () => (await import('../bench/cms.js')).benchCms as Bench,
  start: async () => (await import('../bench/start.js')).benchStart as Bench,
  evidence: async () => (await import('../bench/evidence.js')).benchEvidence as Bench,
};

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { only: { type: 'string' }, units: { type: 'string' }, dir: { type: 'string', default: '.bench' } });
    const names = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(BENCHES);
    for (const n of names) if (!BENCHES[n]) throw new UsageError(`Không có phép đo “${n}” (có: ${Object.keys(BENCHES).join(', ')}).`);
    const units = values.units ? Number(values.units) : undefined;
    if (units !== undefined && !(Number.isInteger(units) && units > 0)) throw new UsageError('--units phải là số nguyên dương.');
    const dir = resolve(ctx.root, values.dir!);
    await mkdir(dir, { recursive: true });
    const rows: string[] = ['| phép đo | chỉ số | giá trị |', '|---|---|---|'];
    for (const name of names) {
      ctx.out(`\n== ${name} ==\n`);
      const figures = await (await BENCHES[name]!())({ dir: join(dir, name), log: (l) => ctx.out(l + '\n'), root: ctx.root, units });
      for (const [k, v] of Object.entries(figures)) rows.push(`| ${name} | ${k} | ${v} |`);
    }
    ctx.out(`\n${rows.join('\n')}\n`);
    return 0;
  });
}
