// Every Vietnamese sentence the gate says, in one place so the wording can be reviewed in one
// read. Times are shown in the campaign's zone with seconds: at a deadline, seconds matter.
import { formatDateTime } from '../format.js';
import { DEFAULT_TIMEZONE } from '../time.js';

const at = (d: Date, tz = DEFAULT_TIMEZONE) => `${formatDateTime(d, tz, true)} (giờ Việt Nam)`;
const hm = (d: Date, tz = DEFAULT_TIMEZONE) => formatDateTime(d, tz);

export const gateMessages = {
  unknownAuthor: (login: string) =>
    `Tài khoản “${login}” không thuộc đơn vị nào trong danh mục (content/units/) và không có trong phân quyền (content/access.yaml), nên không được thay đổi dữ liệu. Nếu bạn là cán bộ mới của đơn vị, đề nghị Sở Nội vụ bổ sung tài khoản vào danh mục đơn vị.`,
  notOwner: (path: string, unitName: string) =>
    `Tệp ${path} thuộc ${unitName}; tài khoản của bạn không được thay đổi tệp của đơn vị khác.`,
  crossUnitMove: (from: string, to: string) =>
    `Không được chuyển tệp giữa các đơn vị: ${from} → ${to}. Mỗi đơn vị chỉ đổi tên, di chuyển tệp trong thư mục của mình.`,
  crossYearMove: (from: string, to: string) =>
    `Không được chuyển tệp sang năm đánh giá khác: ${from} → ${to}.`,
  adminOnly: (path: string) =>
    `Tệp ${path} do quản trị (Sở Nội vụ) quản lý: chỉ tài khoản quản trị được thay đổi (bộ tiêu chí, đợt đánh giá, danh mục đơn vị, phân quyền, mã nguồn).`,
  councilOnly: (path: string) =>
    `Tệp ${path} là kết quả thẩm định hoặc điểm điều tra xã hội học: chỉ Hội đồng thẩm định được thay đổi.`,
  adminUnitFile: (path: string, start: Date, tz?: string) =>
    `Quản trị chỉ được tạo, sửa bảng tự chấm điểm và tài liệu kiểm chứng của đơn vị trước khi mở đợt tự đánh giá (${hm(start, tz)}). Từ thời điểm đó, tệp ${path} chỉ do đơn vị thay đổi; điều chỉnh sau hạn thực hiện qua kết quả thẩm định.`,
  noCampaign: (year: number) =>
    `Chưa có đợt đánh giá năm ${year} (content/campaigns/${year}.yaml), nên chưa được nộp bài năm ${year}.`,
  notYetOpen: (year: number, name: string, start: Date, tz?: string) =>
    `Chưa đến thời gian nộp bài năm ${year}: “${name}” mở từ ${hm(start, tz)}.`,
  closedAfter: (year: number, name: string, end: Date, effective: Date, submitted: boolean, tz?: string) =>
    `Đã hết hạn “${name}” năm ${year} lúc ${hm(end, tz)}. Thay đổi này ${submitted ? 'được gửi' : 'được xét'} lúc ${at(effective, tz)}, sau thời hạn, nên không được nhận.`,
  closedNoWindow: (year: number) =>
    `Năm ${year} không có đợt tự đánh giá hay giải trình nào đang mở.`,
  explanationFile: (path: string, round: number) =>
    `Trong đợt giải trình ${round} không được tạo mới, xóa hay đổi tên bảng tự chấm điểm (${path}).`,
  explanationUnreadable: (path: string) =>
    `Không so sánh được ${path} với bản đã nộp (một trong hai bản không đọc được); trong đợt giải trình chỉ được sửa giải trình và tài liệu kiểm chứng.`,
  headerChanged: (field: string, round: number) =>
    `Trong đợt giải trình ${round} không được sửa thông tin chung của bảng tự chấm điểm (trường “${field}”).`,
  itemAdded: (code: string, round: number) =>
    `Trong đợt giải trình ${round} không được thêm tiêu chí ${code} vào bảng tự chấm điểm.`,
  itemRemoved: (code: string, round: number) =>
    `Trong đợt giải trình ${round} không được xóa tiêu chí ${code} khỏi bảng tự chấm điểm.`,
  notFlagged: (code: string, round: number) =>
    `Tiêu chí ${code} không thuộc diện Hội đồng thẩm định yêu cầu giải trình, bổ sung: trong đợt giải trình ${round} không được sửa.`,
  fieldLocked: (code: string, field: string, round: number) =>
    `Tiêu chí ${code}: trong đợt giải trình ${round} chỉ được sửa giải trình và tài liệu kiểm chứng (không sửa “${field}”).`,
  scoreRaised: (code: string, before: string, after: string) =>
    `Tiêu chí ${code}: không được nâng điểm tự chấm trong đợt giải trình (${before} → ${after}).`,
  evidenceOfLockedItem: (path: string, codes: string[], round: number) =>
    `Tệp ${path} là tài liệu kiểm chứng của tiêu chí ${codes.join(', ')}, không thuộc diện giải trình: trong đợt giải trình ${round} không được thay đổi.`,
  validationError: (message: string) => message,
  tooManyErrors: (more: number) => `… và ${more} lỗi khác (xem danh sách đầy đủ trong kết quả kiểm tra).`,
  brokenElsewhere: (file: string, message: string) =>
    `Thay đổi này làm phát sinh lỗi ở tệp khác (${file}): ${message}`,
  lateMerge: (submitted: Date, now: Date, tz?: string) =>
    `Bài được gửi lúc ${at(submitted, tz)}, trong thời hạn; được nhập vào nhánh chính lúc ${at(now, tz)}.`,
  futureSubmission: (submitted: Date, now: Date, tz?: string) =>
    `Thời điểm gửi ${at(submitted, tz)} muộn hơn thời điểm xét ${at(now, tz)}: bỏ qua, xét theo thời điểm hiện tại.`,
  crissCross: (count: number) =>
    `Nhánh này và nhánh chính có ${count} điểm rẽ nhánh chung (lịch sử hợp nhất chéo): không xác định chắc chắn được hợp nhất sẽ thay đổi những gì, nên không được nhận. Hãy tạo lại nhánh từ nhánh chính hiện tại rồi gửi lại.`,
  mergeConflict: (path: string) =>
    `Tệp ${path} đã được thay đổi trên nhánh chính kể từ khi tạo nhánh này, và nhánh này cũng sửa tệp đó: không được nhận. Hãy cập nhật nhánh từ nhánh chính rồi gửi lại.`,
  specialEntry: (path: string, kind: 'symlink' | 'gitlink') =>
    `${path} là ${kind === 'symlink' ? 'liên kết tượng trưng (symbolic link)' : 'mô-đun con (submodule)'}: kho dữ liệu chỉ nhận tệp thông thường.`,
  modeChange: (path: string) =>
    `Tệp ${path} bị đổi loại hoặc quyền thực thi (chế độ tệp): chỉ quản trị được đổi chế độ tệp của mã nguồn; dữ liệu của đơn vị và Hội đồng là tệp thông thường.`,
  adminDuringWindow: (path: string) =>
    `Lưu ý: ${path} được thay đổi khi đang có đợt nộp bài mở; các đơn vị đang làm bài sẽ thấy thay đổi này ngay.`,
};
