// `parindex validate [paths…] [--format text|json|github]`
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { validateInParallel } from '../io/parallel.js';
import { formatGithub, formatJson, formatText } from './format.js';
import { hasErrors } from '../core/findings.js';
import { fsSource } from '../io/fs-source.js';
import { RULES, BUILTIN_CHECKS } from '../core/rules/index.js';

const USAGE = `Cách dùng: npm run validate -- [đường dẫn…] [--format text|json|github] [--root <thư mục kho>] [--headers] [--rules]
  Không có đường dẫn: kiểm tra toàn bộ content/.
  --headers: đọc số và ngày in trên mọi văn bản PDF (mặc định chỉ với các tệp PDF được nêu tên, vì việc đọc chậm).
  Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng.`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values, positionals } = parseCliArgs(args, {
      format: { type: 'string', default: 'text' }, root: { type: 'string' }, rules: { type: 'boolean' }, headers: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    }, true);
    if (values.help) { ctx.out(USAGE + '\n'); return 0; }
    if (values.rules) {
      for (const r of [...BUILTIN_CHECKS, ...RULES]) ctx.out(`${r.id.padEnd(28)} ${r.severity === 'error' ? 'lỗi     ' : 'cảnh báo'} ${r.description}\n`);
      return 0;
    }
    const format = values.format as string;
    if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`Định dạng không hợp lệ: ${format} (text, json hoặc github).`);
    const root = values.root ? resolve(values.root) : ctx.root;
    const paths = positionals.length ? await expandPaths(root, positionals) : undefined;
    const progress = format === 'text' && process.stderr.isTTY
      ? (done: number, total: number) => { if (done % 100 === 0 || done === total) ctx.err(`\rĐang kiểm tra ${done}/${total} tệp…`); if (done === total) ctx.err('\n'); }
      : undefined;
    // Reading printed headers (pdfjs) is the slow part of checking evidence: only the PDFs named
    // on the command line (a change) get it, or every one with --headers (docs/evidence.md).
    const named = new Set(positionals.length ? (paths ?? []).filter((p) => /\.pdf$/i.test(p)) : []);
    const headers = values.headers === true ? true : named.size ? named : false;
    const result = await validateInParallel(root, paths, progress, undefined, { headers });
    const render = format === 'json' ? formatJson : format === 'github' ? formatGithub : formatText;
    ctx.out(render(result.findings, result.files));
    return hasErrors(result.findings) ? 1 : 0;
  });
}

async function expandPaths(root: string, inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const abs = isAbsolute(input) ? input : resolve(process.cwd(), input);
    const rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`Đường dẫn nằm ngoài kho dữ liệu: ${input}`);
    if (!existsSync(abs)) throw new UsageError(`Không tìm thấy: ${input}`);
    if (statSync(abs).isDirectory()) out.push(...await fsSource(root).list(rel || '.'));
    else out.push(rel);
  }
  return out;
}
