// Every Vietnamese text the portal shows: the terminal banner and log, its errors, and the
// refusals the CMS displays ("Không thể công bố: API_ERROR: <text>"). One file, one read.
import { formatDateTime } from '../core/format.js';
import type { GateReason } from './gate-api.js';

const MAX_REASONS = 6;

function list(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} và ${items.length - max} tệp khác` : shown;
}

/** One reason as the officer reads it: where (file, line, criterion), then what. */
export function formatReason(r: GateReason): string {
  const where = [r.file, r.line ? `dòng ${r.line}` : '', r.code ? `tiêu chí ${r.code}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${r.message}` : r.message;
}

export function formatReasons(reasons: readonly GateReason[]): string {
  const shown = reasons.slice(0, MAX_REASONS).map(formatReason);
  if (reasons.length > MAX_REASONS) shown.push(`và ${reasons.length - MAX_REASONS} lý do khác`);
  return shown.join(' — ');
}

export const msg = {
  // Clone
  sourceNotRepo: (dir: string) =>
    `Thư mục ${dir} không phải là một kho git có commit nào: không thể tạo bản sao cho cổng cục bộ.`,
  cloneFailed: (target: string, detail: string) => `Không tạo được bản sao kho tại ${target}: ${detail}`,
  cloneNotRepo: (target: string) =>
    `Thư mục ${target} đã có nhưng không phải kho git. Hãy xóa thư mục này (rm -rf ${target}) rồi chạy lại npm start.`,
  cloneDirty: (target: string, lines: readonly string[]) =>
    `Bản sao kho ${target} có thay đổi chưa commit (${list(lines.map((l) => l.slice(3)))}). ` +
    'Cổng không chạy trên bản sao này vì máy chủ git sẽ gộp các tệp đó vào bài của cán bộ. ' +
    `Hãy commit hoặc hủy các thay đổi trong bản sao, hoặc xóa thư mục (rm -rf ${target}) để tạo lại từ đầu.`,
  cloneNoMain: (target: string) =>
    `Bản sao kho ${target} không có nhánh main. Hãy xóa thư mục (rm -rf ${target}) để cổng tạo lại bản sao.`,
  gitMissing:
    'Không tìm thấy chương trình git. Cổng cục bộ cần git để quản lý bản sao kho và các bản nháp ' +
    '(Debian/Ubuntu: sudo apt-get install git).',
  portBusy: (port: number, what: string, envName: string) =>
    `Cổng ${port} (${what}) đang được một chương trình khác sử dụng. Hãy dừng chương trình đó, ` +
    `hoặc chọn cổng khác: ${envName}=<số cổng> npm start.`,
  portInvalid: (envName: string, value: string) => `Giá trị ${envName}=${value} không phải số cổng hợp lệ (1–65535).`,
  nowInvalid: (value: string) =>
    `Giá trị PARINDEX_NOW=${value} không phải thời điểm hợp lệ. Ví dụ: PARINDEX_NOW=2023-11-10T09:00+07:00 npm start`,
  siteFailed: (detail: string) => `Không khởi động được trang (Astro):\n${detail}`,
  siteTimeout: (seconds: number, detail: string) =>
    `Trang (Astro) chưa sẵn sàng sau ${seconds} giây.${detail ? `\n${detail}` : ''}`,
  siteExited: (code: number | null) => `Máy chủ trang (Astro) đã dừng bất ngờ (mã ${code ?? '—'}). Cổng sẽ dừng.`,

  // Refusals shown in the CMS
  sendRefused: (reasons: readonly GateReason[]) => `Chưa gửi được bài: ${formatReasons(reasons)}`,
  publishRefused: (reasons: readonly GateReason[]) => `Chưa nhập được bài vào nhánh chính: ${formatReasons(reasons)}`,
  writeRefused: (reasons: readonly GateReason[]) => `Không ghi được vào nhánh chính: ${formatReasons(reasons)}`,
  foreignFiles: (login: string, paths: readonly string[]) =>
    `Tài khoản ${login} không được sửa ${list(paths)}. Mỗi đơn vị chỉ sửa bài tự chấm và tài liệu kiểm chứng của mình.`,
  noDraft: (branch: string) => `Không tìm thấy bản nháp ${branch} trong kho cục bộ: hãy lưu bài trước khi gửi.`,
  noChanges: 'Bản nháp không có thay đổi nào so với nhánh chính.',
  gateCrashed:
    'Cổng kiểm tra gặp lỗi nội bộ nên chưa ghi gì vào nhánh chính. Xem chi tiết trong cửa sổ dòng lệnh đang chạy npm start.',
  draftReadFailed: 'Không đọc được bản nháp từ kho cục bộ. Xem chi tiết trong cửa sổ dòng lệnh đang chạy npm start.',
  badRequest: 'Yêu cầu không hợp lệ (không đọc được nội dung JSON).',

  // Terminal
  banner: (o: {
    siteUrl: string; adminUrl: string; backendUrl: string; clone: string; created: boolean; head: string;
    resetHint: string; clock: string; actor: string;
  }) => [
    '',
    'Cổng thông tin parindex đang chạy:',
    `  Trang công khai:         ${o.siteUrl}`,
    `  Trang quản trị (CMS):    ${o.adminUrl}`,
    `  Máy chủ git cục bộ:      ${o.backendUrl}`,
    '',
    `Bản sao kho: ${o.clone} (${o.created ? `vừa tạo từ commit ${o.head.slice(0, 7)}` : `dùng lại, main ở commit ${o.head.slice(0, 7)}`})`,
    `  Bài gửi và công bố được ghi vào bản sao này, không chạm vào thư mục làm việc của bạn.`,
    `  Muốn làm lại từ đầu (xóa bản sao, tạo lại từ HEAD): dừng cổng (Ctrl+C) rồi chạy ${o.resetHint}`,
    `Đồng hồ của cổng: ${o.clock}`,
    `Người thao tác: ${o.actor}`,
    '',
    'Nhấn Ctrl+C để dừng.',
    '',
  ].join('\n'),
  // Seconds when the instant has them: 17:00:01 is after a 17:00 deadline, "17:00" would say otherwise.
  clockFixed: (at: Date) => `dừng tại ${formatDateTime(at, undefined, at.getTime() % 60_000 !== 0)} (giờ Việt Nam, đặt bởi PARINDEX_NOW)`,
  clockSystem: 'giờ hệ thống (đặt PARINDEX_NOW=2023-11-10T09:00+07:00 để chạy trong hạn tự đánh giá năm 2023)',
  actorConfigured: (login: string) => `${login} (PARINDEX_USER)`,
  actorPerUnit: 'cán bộ của đơn vị có bài đang sửa (tài khoản đầu tiên trong content/units/<đơn vị>.yaml); đặt PARINDEX_USER=<tài khoản> để chọn',
  starting: 'Đang khởi động cổng thông tin cục bộ…',
  stopping: 'Đang dừng cổng thông tin…',
  stopped: 'Đã dừng.',
  logSent: (at: Date, who: string, branch: string) => `[${formatDateTime(at, undefined, true)}] ${who} đã gửi ${branch}.`,
  logPublished: (at: Date, who: string, branch: string) => `[${formatDateTime(at, undefined, true)}] Đã hợp nhất ${branch} vào main (người gửi: ${who}).`,
  whatDraft: 'lưu bản nháp',
  whatDirect: 'ghi trực tiếp vào main',
  whatSend: (branch: string) => `gửi ${branch}`,
  whatMerge: (branch: string) => `hợp nhất ${branch}`,
  logRefused: (at: Date, who: string, what: string, text: string) => `[${formatDateTime(at, undefined, true)}] Từ chối ${what} của ${who}: ${text}`,
  logCrash: (at: Date, what: string, detail: string) => `[${formatDateTime(at, undefined, true)}] Lỗi khi kiểm tra ${what}: ${detail}`,
};
