// `parindex import-survey <file.csv> --year 2023 [--partial] [--dry-run]`
// All-or-nothing by default: one rejected row means nothing is written, so a half-imported
// survey can never be published by accident.
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { basename, join, dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dump } from 'js-yaml';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { fsSource } from '../io/fs-source.js';
import { loadRegistry, parseText } from '../core/validate/engine.js';
import { importSurvey } from '../core/survey/import.js';

const USAGE = 'Cách dùng: npm run import-survey -- <tệp.csv> --year <năm> [--partial] [--dry-run] [--root <thư mục kho>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values, positionals } = parseCliArgs(args, { year: { type: 'string' }, partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, root: { type: 'string' } }, true);
    const root = values.root ? resolve(values.root) : ctx.root;
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year)) throw new UsageError('Thiếu hoặc sai --year.');
    if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp CSV.');
    const file = resolve(positionals[0]!);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) throw new UsageError(`Không đọc được tệp: ${positionals[0]}`);
    let rows: string[][];
    try {
      const body = text.replace(/^\uFEFF/, '');
      const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
      const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
    } catch (error) {
      const e = error as { lines?: number; message?: string };
      ctx.err(`${basename(file)}:${e.lines ?? 1}: tệp CSV không đúng định dạng (${e.message?.split('\n')[0]}).\n`);
      return 1;
    }
    const { registry } = await loadRegistry(fsSource(root));
    const result = importSurvey(rows, registry, year, `Nhập từ ${basename(file)}`);
    for (const r of result.rejected) ctx.err(`${basename(file)}:${r.line}: bị từ chối: ${r.message}\n`);
    ctx.out(`Hợp lệ: ${result.accepted} điểm của ${Object.keys(result.survey.units).length} đơn vị; bị từ chối: ${result.rejected.length} dòng.\n`);
    if (result.rejected.length && !values.partial) {
      ctx.err('Chưa ghi gì. Sửa các dòng bị từ chối, hoặc chạy lại với --partial để chỉ nhập các dòng hợp lệ.\n');
      return 1;
    }
    const target = `content/surveys/${year}.yaml`;
    const yaml = `# Điểm điều tra xã hội học năm ${year}: sinh bởi npm run import-survey, không sửa tay.\n` + dump(result.survey, { lineWidth: 120, quotingType: '"', forceQuotes: false });
    // The written file must pass the same validation as any other data file.
    const check = parseText(yaml, target);
    if (check.findings.length) {
      ctx.err(`Dữ liệu sinh ra không hợp lệ: ${check.findings[0]!.message}\n`);
      return 1;
    }
    if (values['dry-run']) { ctx.out(yaml); return 0; }
    const abs = join(root, target);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(`${abs}.tmp`, yaml);
    await rename(`${abs}.tmp`, abs);
    ctx.out(`Đã ghi ${target}.\n`);
    return result.rejected.length ? 1 : 0;
  });
}
