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
  replayFailed: (detail: string) => `Không dựng được lịch sử mô phỏng đợt đánh giá cho bản sao: ${detail}. Chạy lại với npm start -- --reset --no-demo để dùng bản sao không mô phỏng.`,
  maxUploadInvalid: (value: string) => `Giá trị PARINDEX_MAX_UPLOAD_MB=${value} không hợp lệ (một số MB lớn hơn 0, ví dụ 20).`,
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
  unknownAction: (action: string) => `Máy chủ git cục bộ không nhận thao tác “${action.slice(0, 60)}”.`,
  wrongBranch: (branch: string) => `CMS chỉ làm việc trên nhánh main; không nhận thao tác trên nhánh “${branch.slice(0, 80)}”.`,
  outsideContent: (path: string) => `Tệp ${path} nằm ngoài thư mục dữ liệu content/: CMS không được đọc hay ghi tệp này.`,
  badName: (name: string) => `Tên “${name.slice(0, 80)}” không hợp lệ cho một bài (chỉ chữ không dấu, số, “-” và “_”).`,
  moveRefused: (from: string, to: string) => `Không được đổi tên hay di chuyển tệp qua CMS (${from} → ${to}): tệp của mỗi đơn vị có tên cố định.`,
  slugMismatch: (slug: string, path: string) => `Bài “${slug}” không khớp với tệp ${path}: mỗi bản nháp chỉ chứa tệp của chính bài đó.`,
  uploadTooLarge: (path: string, bytes: number, max: number) =>
    `Tệp ${path} nặng ${(bytes / 1048576).toFixed(1).replace('.', ',')} MB, vượt giới hạn ${(max / 1048576).toFixed(0)} MB cho mỗi tệp tải lên. Hãy giảm dung lượng tệp PDF (nén, bỏ trang trắng) rồi tải lại.`,
  bodyTooLarge: (max: number) => `Yêu cầu quá lớn: mỗi tệp tải lên tối đa ${(max / 1048576).toFixed(0)} MB.`,
  badHost: 'Yêu cầu không đến từ cổng thông tin cục bộ (địa chỉ máy chủ hoặc nguồn gốc không hợp lệ): bị từ chối.',
  noOwner: 'Không xác định được đơn vị của bản nháp này: thao tác bị từ chối.',

  // Terminal
  banner: (o: {
    siteUrl: string; adminUrl: string; backendUrl: string; clone: string; created: boolean; head: string;
    resetHint: string; clock: string; actor: string; recovered: readonly string[]; replayed: readonly string[];
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
    ...(o.replayed.length ? ['Bản sao là đợt đánh giá mẫu như đã diễn ra (lịch sử dựng lại theo đồng hồ của cổng):', ...o.replayed.map((n) => `  - ${n}`)] : []),
    ...(o.recovered.length ? ['Lần dừng trước chưa trọn vẹn; cổng đã khôi phục bản sao (giữ nguyên mọi bản nháp):', ...o.recovered.map((n) => `  - ${n}`)] : []),
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
  whatStatus: (branch: string) => `đổi trạng thái ${branch}`,
  whatDelete: (branch: string) => `xóa bản nháp ${branch}`,
  logRefused: (at: Date, who: string, what: string, text: string) => `[${formatDateTime(at, undefined, true)}] Từ chối ${what} của ${who}: ${text}`,
  logRepaired: (at: Date, note: string) => `[${formatDateTime(at, undefined, true)}] Khôi phục bản sao trước khi ghi: ${note}`,
  logCrash: (at: Date, what: string, detail: string) => `[${formatDateTime(at, undefined, true)}] Lỗi khi kiểm tra ${what}: ${detail}`,
};
