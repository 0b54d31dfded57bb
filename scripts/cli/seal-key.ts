// `parindex seal-key --out <file>`: a new Ed25519 key pair for the merge bot's send-time seal
// (scripts/core/history/seal.ts). The private key goes to a file created for the owner only
// (then into the GitHub environment secret PARINDEX_SEAL_PRIVATE_KEY); the public key is
// printed, to be added to content/access.yaml `mergeBotKeys` by an admin.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage, UsageError } from './context.js';
import { generateSealKeyPair } from '../core/history/seal.js';

const USAGE = `Cách dùng: npm run seal-key -- --out <tệp khóa bí mật>
  Tạo cặp khóa Ed25519 cho dấu niêm phong thời điểm gửi của tài khoản máy nhập.
  Khóa bí mật ghi vào --out (chỉ chủ tệp đọc được): đặt nội dung tệp vào bí mật PARINDEX_SEAL_PRIVATE_KEY
  của môi trường parindex-lock trên GitHub rồi xóa tệp. Khóa công khai in ra: thêm vào mergeBotKeys trong content/access.yaml.`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) { ctx.out(USAGE + '\n'); return 0; }
    if (!values.out) throw new UsageError('Thiếu --out (tệp ghi khóa bí mật).');
    const pair = generateSealKeyPair();
    // flag 'wx': never overwrite a key that may already be in use.
    try {
      writeFileSync(resolve(values.out), pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      ctx.err(`Không ghi được ${values.out}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'tệp đã có (không ghi đè khóa cũ)' : (error as Error).message}.\n`);
      return 1;
    }
    ctx.out(`Đã ghi khóa bí mật vào ${values.out} (mã khóa ${pair.id}).\nThêm dòng sau vào content/access.yaml:\nmergeBotKeys:\n  - "${pair.publicKey}"\n`);
    return 0;
  });
}
