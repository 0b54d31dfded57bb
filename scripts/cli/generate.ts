// `parindex generate [--check]`: writes every generated file, or with --check reports drift.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage } from './context.js';
import { generatedFiles } from '../generate/index.js';

const USAGE = 'Cách dùng: npm run generate -- [--check]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { check: { type: 'boolean' } });
    let drift = 0;
    for (const [path, produce] of Object.entries(generatedFiles)) {
      const content = await produce(ctx.root);
      const full = join(ctx.root, path);
      const current = await readFile(full, 'utf8').catch(() => null);
      if (current === content) continue;
      if (values.check) {
        ctx.err(`Tệp sinh tự động đã cũ: ${path}\n`);
        drift++;
      } else {
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, content);
        ctx.out(`Đã ghi ${path}\n`);
      }
    }
    if (values.check && drift) ctx.err('Chạy `npm run generate` để cập nhật.\n');
    return drift ? 1 : 0;
  });
}
