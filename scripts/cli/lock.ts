// `parindex lock [--now <ISO>] [--dry-run] [--repository owner/repo] [--wait <phút>] [--sweep]`
// Applies the submission lock the campaign clock asks for at that moment (scripts/github/lock.ts).
// Token: PARINDEX_ADMIN_TOKEN (GitHub App or fine-grained token, Administration: write), else
// GITHUB_TOKEN. A dry run without a token prints the desired state without reading GitHub.
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { parseInstant } from '../core/time.js';
import { fsSource } from '../io/fs-source.js';
import { loadRegistry } from '../core/validate/engine.js';

const USAGE = `Cách dùng: npm run lock -- [--now <ISO>] [--dry-run] [--repository <chủ/kho>] [--wait <phút>] [--sweep] [--root <thư mục kho>]
  --now         thời điểm áp dụng (mặc định: bây giờ)
  --dry-run     chỉ in việc sẽ làm, không thay đổi GitHub
  --repository  kho GitHub (mặc định: GITHUB_REPOSITORY)
  --wait        nếu có mốc thay đổi trong số phút này, chờ đến đúng mốc rồi áp dụng tiếp
  --sweep       sau khi khóa, nhập các bài đã “Gửi đi” đúng hạn (tài khoản máy nhập)
  Mã truy cập: PARINDEX_ADMIN_TOKEN hoặc GITHUB_TOKEN; máy chủ: GITHUB_API_URL (GitHub Enterprise Server).
  Khóa niêm phong thời điểm gửi: PARINDEX_SEAL_PRIVATE_KEY (Ed25519, PEM; npm run seal-key -- để tạo).`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, {
      now: { type: 'string' }, 'dry-run': { type: 'boolean' }, repository: { type: 'string' }, wait: { type: 'string' },
      sweep: { type: 'boolean' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { ctx.out(USAGE + '\n'); return 0; }
    let fixed: Date | null = null;
    if (values.now) {
      fixed = parseInstant(values.now);
      if (!fixed) throw new UsageError(`Thời điểm không hợp lệ: --now ${values.now}.`);
    }
    const wait = values.wait === undefined ? 0 : Number(values.wait);
    if (!Number.isFinite(wait) || wait < 0 || wait > 60) throw new UsageError('--wait phải là số phút từ 0 đến 60.');
    const { parseRepository, githubFromEnv, GithubConfigError } = await import('../github/client.js');
    const repoText = values.repository ?? ctx.env.GITHUB_REPOSITORY;
    const ref = parseRepository(repoText);
    if (repoText && !ref) throw new UsageError(`Tên kho không hợp lệ: ${repoText} (dạng chủ/kho).`);
    let gh = null;
    try {
      gh = githubFromEnv(ctx.env, ['PARINDEX_ADMIN_TOKEN', 'GITHUB_TOKEN'], !values['dry-run']);
    } catch (error) {
      if (error instanceof GithubConfigError) { ctx.err(error.message + '\n'); return 1; }
      throw error;
    }
    if (gh && !ref) throw new UsageError('Thiếu --repository (hoặc biến GITHUB_REPOSITORY).');
    const { registry } = await loadRegistry(fsSource(values.root ? resolve(values.root) : ctx.root));
    for (const key of registry.broken) if (key.startsWith('campaign:') || key === 'access:access') ctx.err(`Cảnh báo: tệp ${key} có lỗi, bị bỏ qua (chạy npm run validate).\n`);
    const start = Date.now();
    const clock = fixed ? () => new Date(fixed!.getTime() + (Date.now() - start)) : ctx.now;
    let sealKey;
    if (ctx.env.PARINDEX_SEAL_PRIVATE_KEY?.trim()) {
      const { loadSealPrivateKey } = await import('../core/history/seal.js');
      try {
        sealKey = loadSealPrivateKey(ctx.env.PARINDEX_SEAL_PRIVATE_KEY);
      } catch (error) {
        ctx.err(`Khóa niêm phong PARINDEX_SEAL_PRIVATE_KEY không đọc được: ${(error as Error).message}.\n`);
        return 1;
      }
    }
    const { runLock } = await import('../github/lock.js');
    await runLock(gh, ref, {
      campaigns: [...registry.campaigns.values()], access: registry.access, now: clock, dryRun: values['dry-run'],
      waitMinutes: wait, sweep: values.sweep, log: (l) => ctx.out(l + '\n'), ...(sealKey ? { sealKey } : {}),
    });
    return 0;
  });
}
