// The `parindex` command: one entry, one module per command, loaded on demand so that a
// one-file `validate` never pays for octokit, Astro or isomorphic-git.
import { isMainThread, workerData } from 'node:worker_threads';
import type { CliContext } from './context.js';
import { createContext } from './context.js';

// The bundle is also the worker entry of parallel validation (scripts/io/parallel.ts).
if (!isMainThread && (workerData as { parindexValidateWorker?: boolean } | null)?.parindexValidateWorker) {
  await import('../io/parallel.js');
}

type Command = { summary: string; load: () => Promise<{ run: (args: string[], ctx: CliContext) => Promise<number> }> };

const commands: Record<string, Command> = {
  validate: { summary: 'Kiểm tra dữ liệu trong content/ (lược đồ và quy tắc chấm điểm)', load: () => import('./validate.js') },
  score: { summary: 'Tính điểm, Chỉ số, xếp hạng theo nhóm', load: () => import('./score.js') },
  gate: { summary: 'Quyết định một thay đổi (base..head) có được nhập vào nhánh chính', load: () => import('./gate.js') },
  lock: { summary: 'Bật/tắt quy tắc khóa nhánh trên GitHub theo thời hạn', load: () => import('./lock.js') },
  'pr-report': { summary: 'Báo cáo kiểm tra trên GitHub: bình luận, trạng thái, thời điểm gửi', load: () => import('./pr-report.js') },
  'seal-key': { summary: 'Tạo cặp khóa niêm phong thời điểm gửi cho tài khoản máy nhập', load: () => import('./seal-key.js') },
  'setup-github': { summary: 'Thiết lập kho GitHub (ruleset, nhãn, CODEOWNERS, Pages)', load: () => import('./setup-github.js') },
  history: { summary: 'Thời điểm gửi của từng đơn vị, ảnh chụp tại một thời điểm', load: () => import('./history.js') },
  audit: { summary: 'Nhật ký thay đổi của một đơn vị', load: () => import('./audit.js') },
  'import-survey': { summary: 'Nhập điểm điều tra xã hội học từ tệp CSV', load: () => import('./import-survey.js') },
  report: { summary: 'Xuất báo cáo kết quả (DOCX, XLSX)', load: () => import('./report.js') },
  bench: { summary: 'Đo hiệu năng', load: () => import('./bench.js') },
  generate: { summary: 'Sinh lại các tệp sinh tự động (kiểu TypeScript, bộ kiểm tra, cấu hình CMS)', load: () => import('./generate.js') },
  'sample-data': { summary: 'Sinh lại dữ liệu mẫu và tài liệu kiểm chứng PDF', load: () => import('./sample-data.js') },
  start: { summary: 'Chạy cổng thông tin cục bộ (trang, CMS, kho git cục bộ)', load: () => import('./start.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return ['Cách dùng: parindex <lệnh> [tùy chọn]', '', 'Các lệnh:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)].join('\n');
}

export async function main(argv: string[], options: { root: string }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Lệnh không tồn tại: ${name}\n\n${usage()}\n`);
    return 2;
  }
  const ctx = createContext(options.root);
  try {
    const mod = await command.load();
    return await mod.run(rest, ctx);
  } catch (error) {
    // Last line of defence: a user never sees a stack trace unless PARINDEX_DEBUG is set.
    if (process.env.PARINDEX_DEBUG) throw error;
    process.stderr.write(`Lỗi không mong đợi khi chạy “${name}”: ${(error as Error)?.message ?? String(error)}\n` +
      'Đặt biến PARINDEX_DEBUG=1 để xem chi tiết kỹ thuật.\n');
    return 70;
  }
}
