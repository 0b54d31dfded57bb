// `parindex setup-github --owner O --repo R [--dry-run]`: rulesets, labels, environment, Pages and
// CODEOWNERS for a province's repository (scripts/github/setup.ts). Safe to run again.
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { fsSource } from '../io/fs-source.js';
import { loadRegistry } from '../core/validate/engine.js';

const USAGE = `Cách dùng: npm run setup-github -- --owner <tổ chức> --repo <kho> [--dry-run] [--api-url <địa chỉ API>] [--root <thư mục kho>]
  Mã truy cập: PARINDEX_ADMIN_TOKEN hoặc GITHUB_TOKEN (quyền: xem docs/deploy-github.md).
  --api-url     GitHub Enterprise Server: https://<máy chủ>/api/v3 (mặc định: GITHUB_API_URL hoặc api.github.com)`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, {
      owner: { type: 'string' }, repo: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'api-url': { type: 'string' },
      root: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { ctx.out(USAGE + '\n'); return 0; }
    if (!values.owner || !values.repo) throw new UsageError('Thiếu --owner hoặc --repo.');
    const { parseRepository, createGithub } = await import('../github/client.js');
    const ref = parseRepository(`${values.owner}/${values.repo}`);
    if (!ref) throw new UsageError(`Tên kho không hợp lệ: ${values.owner}/${values.repo}.`);
    const token = ctx.env.PARINDEX_ADMIN_TOKEN || ctx.env.GITHUB_TOKEN;
    if (!token) { ctx.err('Thiếu mã truy cập GitHub: đặt PARINDEX_ADMIN_TOKEN (xem docs/deploy-github.md).\n'); return 1; }
    const gh = createGithub({ token, baseUrl: values['api-url'] ?? ctx.env.PARINDEX_GITHUB_API_URL ?? ctx.env.GITHUB_API_URL });
    const { registry } = await loadRegistry(fsSource(values.root ? resolve(values.root) : ctx.root));
    if (registry.broken.size) {
      ctx.err(`Danh mục có tệp lỗi (${[...registry.broken].join(', ')}): sửa trước khi thiết lập (npm run validate).\n`);
      return 1;
    }
    const { setupRepository } = await import('../github/setup.js');
    const result = await setupRepository(gh, ref, {
      units: [...registry.units.values()], access: registry.access, campaigns: [...registry.campaigns.values()], now: ctx.now(),
      dryRun: values['dry-run'], log: (l) => ctx.out(l + '\n'),
    });
    const changed = result.steps.filter((s) => s.action !== 'unchanged').length;
    ctx.out(`${values['dry-run'] ? '[thử] ' : ''}Xong: ${result.steps.length} bước, ${changed} ${values['dry-run'] ? 'sẽ thay đổi' : 'đã thay đổi'}.\n`);
    return 0;
  });
}
