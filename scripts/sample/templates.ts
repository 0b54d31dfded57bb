// Data table of the sample self-assessments: which units get one, what kind of unit each is
// (figures, names, intentional flaws), the documents a unit issues in a year, and for every
// self-scored leaf (keyed by its title, so the 2022 and 2023 frameworks share templates even where
// codes shift) which documents prove it, where, and how the explanation reads.
//
// Everything here is SAMPLE data: plausible, never official.
import type { Rng } from './lib.js';

// ---------------------------------------------------------------------------------------------
// Units

export interface UnitMeta {
  kind: 'dept' | 'district';
  /** How the unit names itself in an explanation: "Sở Nội vụ", "UBND huyện Đại Từ". */
  subject: string;
  /** Issuer written on its documents. */
  issuer: string;
  /** Symbol in document numbers: KH-SNV, BC-UBND… */
  abbr: string;
  /** Symbol after the number of an official letter: SNV-CCHC, UBND-NV. */
  letter: string;
  city?: boolean;
  preparedBy: { name: string; position: string; phone: string; email: string };
  /** Self-score as a share of the applicable self maximum, per year. */
  target: Record<number, number>;
  /** Leaf titles marked “không áp dụng” (only where the framework allows it). */
  notApplicable: string[];
  /** Leaf titles never downgraded (the unit's strong points). */
  strong?: string[];
  staff: number;           // công chức (department) or cán bộ, công chức cấp huyện (district)
  volume: number;          // hồ sơ TTHC per year handled by the unit itself
  procedures: number;      // TTHC under its authority
  units: number;           // phòng, đơn vị thuộc / cơ quan chuyên môn
  dvsn: number;            // đơn vị sự nghiệp trực thuộc
  communes?: number;
  births?: number;
  revenue?: number;        // dự toán thu NSNN trên địa bàn, triệu đồng
  capital: [number, number]; // kế hoạch vốn đầu tư công, triệu đồng
  linhVuc: string;         // field named in decisions on TTHC
  chiSo?: string;          // component index it leads
  sangKien: string[];
  /** 2023 flaws that cost points but are not data errors. */
  flaws?: Flaw[];
}

export type Flaw =
  | { kind: 'letter-suffix'; year: number; leaf: string; suffix: string; title?: string }
  | { kind: 'no-locator'; year: number; leaf: string; text: (c: Ctx) => string };

export const SAMPLE_UNITS: Record<string, UnitMeta> = {
  'so-noi-vu': {
    kind: 'dept', subject: 'Sở Nội vụ', issuer: 'Sở Nội vụ tỉnh Thái Nguyên', abbr: 'SNV', letter: 'SNV-CCHC',
    preparedBy: { name: 'Nguyễn Thị Thu Hằng', position: 'Chuyên viên Phòng Cải cách hành chính', phone: '0208 3855 468', email: 'hangntt.snv@thainguyen.gov.vn' },
    target: { 2022: 0.91, 2023: 0.95 },
    notApplicable: ['Tỉ lệ giải ngân kế hoạch vốn đầu tư công được giao', 'Xử lý, kiến nghị xử lý văn bản sau rà soát'],
    strong: ['Sáng kiến, giải pháp mới trong cải cách hành chính'],
    staff: 64, volume: 2150, procedures: 96, units: 9, dvsn: 2, capital: [0, 0],
    linhVuc: 'nội vụ', chiSo: 'Chỉ số cải cách hành chính (PAR Index)',
    sangKien: ['Phần mềm theo dõi, đánh giá Chỉ số CCHC theo thời gian thực', 'Số hóa hồ sơ công chức, viên chức trên Cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh'],
  },
  'so-tu-phap': {
    kind: 'dept', subject: 'Sở Tư pháp', issuer: 'Sở Tư pháp tỉnh Thái Nguyên', abbr: 'STP', letter: 'STP-VP',
    preparedBy: { name: 'Hoàng Văn Dũng', position: 'Phó Chánh Văn phòng Sở', phone: '0208 3856 213', email: 'dunghv.stp@thainguyen.gov.vn' },
    target: { 2022: 0.85, 2023: 0.88 },
    notApplicable: ['Tỉ lệ giải ngân kế hoạch vốn đầu tư công được giao', 'Sắp xếp, tinh gọn các đơn vị sự nghiệp công lập trực thuộc'],
    staff: 52, volume: 6800, procedures: 148, units: 7, dvsn: 3, capital: [0, 0],
    linhVuc: 'tư pháp', chiSo: 'Chỉ số thành phần “Thiết chế pháp lý và an ninh trật tự” (PCI)',
    sangKien: ['Cấp phiếu lý lịch tư pháp qua ứng dụng VNeID tại Thái Nguyên'],
    flaws: [{
      kind: 'no-locator', year: 2023, leaf: 'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính',
      text: (c) => `Năm ${c.Y}, Sở Tư pháp đã tiếp nhận và xử lý đúng hạn toàn bộ phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, như đã báo cáo tại ${c.refShort('baoCaoKSTTHC')}.`,
    }],
  },
  'so-y-te': {
    kind: 'dept', subject: 'Sở Y tế', issuer: 'Sở Y tế tỉnh Thái Nguyên', abbr: 'SYT', letter: 'SYT-VP',
    preparedBy: { name: 'Đỗ Thị Minh Phương', position: 'Chuyên viên Văn phòng Sở', phone: '0208 3855 112', email: 'phuongdtm.syt@thainguyen.gov.vn' },
    target: { 2022: 0.76, 2023: 0.8 },
    notApplicable: ['Xử lý, kiến nghị xử lý văn bản sau rà soát'],
    staff: 71, volume: 5400, procedures: 172, units: 8, dvsn: 24, capital: [45000, 180000],
    linhVuc: 'y tế', chiSo: 'Chỉ số thành phần “Cung ứng dịch vụ công” (PAPI) về y tế',
    sangKien: ['Kết nối liên thông dữ liệu khám chữa bệnh với Cổng Dịch vụ công của tỉnh'],
    flaws: [{ kind: 'letter-suffix', year: 2023, leaf: 'Mức độ thực hiện Kế hoạch đào tạo, bồi dưỡng', suffix: 'a',
      title: 'Báo cáo kết quả đào tạo, bồi dưỡng công chức, viên chức năm {Y}' }],
  },
  'ban-dan-toc': {
    kind: 'dept', subject: 'Ban Dân tộc', issuer: 'Ban Dân tộc tỉnh Thái Nguyên', abbr: 'BDT', letter: 'BDT-VP',
    preparedBy: { name: 'Ma Thị Hoa', position: 'Chánh Văn phòng Ban', phone: '0208 3651 427', email: 'hoamt.bdt@thainguyen.gov.vn' },
    target: { 2022: 0.72, 2023: 0.73 },
    // Sample assumption: the unit has no administrative procedures of its own.
    notApplicable: [
      'Tham mưu ban hành VBQPPL theo Chương trình xây dựng VBQPPL của tỉnh', 'Thực hiện quy trình xây dựng VBQPPL',
      'Ban hành Kế hoạch rà soát, đánh giá TTHC', 'Mức độ thực hiện Kế hoạch rà soát, đánh giá TTHC',
      'Tham mưu công bố danh mục TTHC đúng thời hạn', 'Công khai TTHC trên Cơ sở dữ liệu quốc gia và Cổng Dịch vụ công',
      'Công khai TTHC tại Trung tâm Phục vụ hành chính công và trên Trang thông tin điện tử',
      'Tỉ lệ hồ sơ TTHC được giải quyết đúng hạn', 'Thực hiện xin lỗi đối với hồ sơ giải quyết quá hạn',
      'Số hóa hồ sơ, kết quả giải quyết TTHC', 'Thanh toán trực tuyến phí, lệ phí giải quyết TTHC',
      'Cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh',
      'Tỉ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình', 'Tỉ lệ hồ sơ TTHC được tiếp nhận trực tuyến',
      'Tích hợp dịch vụ công trực tuyến lên Cổng Dịch vụ công quốc gia',
      'Sắp xếp, tinh gọn các đơn vị sự nghiệp công lập trực thuộc', 'Thực hiện phân cấp, ủy quyền',
      'Tỉ lệ giải ngân kế hoạch vốn đầu tư công được giao', 'Thực hiện tự chủ tài chính tại đơn vị sự nghiệp công lập trực thuộc',
      'Kết quả chỉ số thành phần do đơn vị chủ trì cải thiện', 'Thực hiện tuyển dụng, tiếp nhận công chức, viên chức',
    ],
    staff: 21, volume: 0, procedures: 0, units: 4, dvsn: 0, capital: [0, 0],
    linhVuc: 'công tác dân tộc',
    sangKien: ['Ứng dụng bản đồ số theo dõi thực hiện chính sách dân tộc tại các xã vùng III'],
  },
  'tp-thai-nguyen': {
    kind: 'district', city: true, subject: 'UBND thành phố Thái Nguyên', issuer: 'UBND thành phố Thái Nguyên', abbr: 'UBND', letter: 'UBND-NV',
    preparedBy: { name: 'Trần Quốc Khánh', position: 'Chuyên viên Phòng Nội vụ', phone: '0208 3852 340', email: 'khanhtq.tptn@thainguyen.gov.vn' },
    target: { 2022: 0.9, 2023: 0.93 },
    notApplicable: ['Sắp xếp đơn vị hành chính cấp xã, thôn, tổ dân phố'],
    strong: ['Thu ngân sách nhà nước trên địa bàn so với dự toán'],
    staff: 168, volume: 21500, procedures: 285, units: 12, dvsn: 71, communes: 32, births: 4300, revenue: 2450000,
    capital: [620000, 980000], linhVuc: '',
    sangKien: ['Mô hình “Phường thông minh” tại phường Phan Đình Phùng', 'Trợ lý ảo hướng dẫn thủ tục hành chính trên Zalo của thành phố'],
  },
  'tp-pho-yen': {
    kind: 'district', city: true, subject: 'UBND thành phố Phổ Yên', issuer: 'UBND thành phố Phổ Yên', abbr: 'UBND', letter: 'UBND-NV',
    preparedBy: { name: 'Lưu Thị Ngọc Anh', position: 'Phó Trưởng phòng Nội vụ', phone: '0208 3863 251', email: 'anhltn.phoyen@thainguyen.gov.vn' },
    target: { 2022: 0.82, 2023: 0.86 },
    notApplicable: ['Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính, ngân sách'],
    staff: 121, volume: 14200, procedures: 281, units: 12, dvsn: 52, communes: 18, births: 2700, revenue: 1850000,
    capital: [480000, 760000], linhVuc: '',
    sangKien: ['Tổ hỗ trợ doanh nghiệp khu công nghiệp Yên Bình giải quyết TTHC tại chỗ'],
    flaws: [{ kind: 'letter-suffix', year: 2023, leaf: 'Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao', suffix: 'a' }],
  },
  'huyen-dai-tu': {
    kind: 'district', subject: 'UBND huyện Đại Từ', issuer: 'UBND huyện Đại Từ', abbr: 'UBND', letter: 'UBND-NV',
    preparedBy: { name: 'Nguyễn Văn Thắng', position: 'Chuyên viên Phòng Nội vụ', phone: '0208 3824 117', email: 'thangnv.daitu@thainguyen.gov.vn' },
    target: { 2022: 0.88, 2023: 0.9 },
    notApplicable: ['Kiểm tra, xử lý VBQPPL do HĐND, UBND cấp xã ban hành'],
    staff: 112, volume: 11800, procedures: 279, units: 12, dvsn: 86, communes: 28, births: 2500, revenue: 465000,
    capital: [350000, 540000], linhVuc: '',
    sangKien: ['Mô hình “Chính quyền thân thiện” tại Bộ phận Một cửa các xã vùng chè'],
  },
  'huyen-vo-nhai': {
    kind: 'district', subject: 'UBND huyện Võ Nhai', issuer: 'UBND huyện Võ Nhai', abbr: 'UBND', letter: 'UBND-NV',
    preparedBy: { name: 'Lý Văn Hưng', position: 'Chuyên viên Phòng Nội vụ', phone: '0208 3827 209', email: 'hunglv.vonhai@thainguyen.gov.vn' },
    target: { 2022: 0.74, 2023: 0.71 },
    notApplicable: ['Ban hành VBQPPL của HĐND, UBND huyện theo kế hoạch', 'Thực hiện quy trình xây dựng VBQPPL', 'Kiểm tra, xử lý VBQPPL do HĐND, UBND cấp xã ban hành'],
    staff: 86, volume: 6100, procedures: 270, units: 12, dvsn: 48, communes: 15, births: 1150, revenue: 98000,
    capital: [210000, 330000], linhVuc: '',
    sangKien: ['Tổ công nghệ số cộng đồng hướng dẫn đồng bào dân tộc thiểu số nộp hồ sơ trực tuyến'],
    flaws: [{
      kind: 'no-locator', year: 2023, leaf: 'Mức độ thực hiện Kế hoạch rà soát, hệ thống hóa VBQPPL',
      text: (c) => `UBND huyện Võ Nhai đã hoàn thành ${c.num}/${c.den} nội dung rà soát, hệ thống hóa VBQPPL theo kế hoạch năm ${c.Y}, đạt ${c.pct}. Kết quả gửi kèm ${c.refShort('baoCaoPhapChe')}.`,
    }],
  },
};

// ---------------------------------------------------------------------------------------------
// Documents a unit issues (or receives from the province) in a year

export type DocType = 'KH' | 'BC' | 'QĐ' | 'TB' | 'CV';

export const DOC_TYPE_NAMES: Record<DocType, string> = {
  KH: 'Kế hoạch', BC: 'Báo cáo', QĐ: 'Quyết định', TB: 'Thông báo', CV: 'Công văn',
};

export interface DocKind {
  type: DocType;
  /** Trích yếu; {Y} is the year, {unit} the unit's subject, {linhVuc} its field. */
  title: string;
  districtTitle?: string;
  /** Window of the document date, "MM-DD". Deferred documents fall in the last week of November. */
  from: string;
  to: string;
  /** Issued by the provincial People's Committee (same document in several units' folders when `shared`). */
  province?: boolean;
  shared?: boolean;
  /** Date window when the unit was late (used when the leaf that governs the date scores partially). */
  late?: [string, string];
}

export const DOCS: Record<string, DocKind> = {
  keHoachCCHC: { type: 'KH', title: 'Kế hoạch cải cách hành chính năm {Y}', from: '01-04', to: '01-27', late: ['02-13', '03-10'] },
  baoCaoCCHC: { type: 'BC', title: 'Báo cáo kết quả công tác cải cách hành chính năm {Y}', from: '11-06', to: '11-14' },
  baoCaoQuy3: { type: 'BC', title: 'Báo cáo kết quả công tác cải cách hành chính quý III năm {Y}', from: '09-14', to: '09-22' },
  keHoachKiemTra: { type: 'KH', title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm {Y}', from: '02-14', to: '03-17' },
  baoCaoKiemTra: { type: 'BC', title: 'Báo cáo kết quả kiểm tra công tác cải cách hành chính năm {Y}', from: '10-23', to: '11-03' },
  qdSangKien: { type: 'QĐ', title: 'Quyết định công nhận sáng kiến cấp cơ sở năm {Y}', from: '09-18', to: '10-27' },
  baoCaoNhiemVu: { type: 'BC', title: 'Báo cáo kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao năm {Y}', from: '11-01', to: '11-10' },
  cvChiDaoXa: { type: 'CV', title: 'Về việc triển khai nhiệm vụ cải cách hành chính năm {Y} đối với UBND các xã, phường, thị trấn', from: '02-06', to: '03-03' },
  keHoachPhapChe: { type: 'KH', title: 'Kế hoạch công tác pháp chế năm {Y}', districtTitle: 'Kế hoạch công tác tư pháp năm {Y}', from: '01-09', to: '02-24' },
  baoCaoPhapChe: { type: 'BC', title: 'Báo cáo kết quả công tác pháp chế năm {Y}', districtTitle: 'Báo cáo kết quả công tác tư pháp năm {Y}', from: '10-16', to: '11-08' },
  keHoachKSTTHC: { type: 'KH', title: 'Kế hoạch hoạt động kiểm soát thủ tục hành chính năm {Y}', from: '01-09', to: '02-17' },
  baoCaoKSTTHC: { type: 'BC', title: 'Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông năm {Y}', from: '11-01', to: '11-10' },
  qdCongBoTTHC: { type: 'QĐ', province: true, title: 'Quyết định công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung trong lĩnh vực {linhVuc} thuộc phạm vi chức năng quản lý của {unit}', from: '06-05', to: '09-29' },
  qdMotCua: { type: 'QĐ', title: 'Quyết định kiện toàn Bộ phận Một cửa của {unit}', from: '02-06', to: '04-14' },
  qdChucNang: { type: 'QĐ', title: 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng và các phòng chuyên môn, nghiệp vụ thuộc {unit}', districtTitle: 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn thuộc {unit}', from: '02-20', to: '06-16' },
  baoCaoToChuc: { type: 'BC', title: 'Báo cáo công tác tổ chức, cán bộ năm {Y}', from: '10-09', to: '11-08' },
  qdGiaoBienChe: { type: 'QĐ', province: true, shared: true, title: 'Quyết định giao biên chế công chức trong cơ quan, tổ chức hành chính nhà nước tỉnh Thái Nguyên năm {Y}', from: '01-10', to: '01-20' },
  qdSapXep: { type: 'QĐ', province: true, title: 'Quyết định tổ chức lại đơn vị sự nghiệp công lập trực thuộc {unit}', districtTitle: 'Quyết định sáp nhập, đổi tên xóm, tổ dân phố thuộc {place}', from: '04-03', to: '08-25' },
  cvViTriViecLam: { type: 'CV', title: 'Về việc đề nghị điều chỉnh danh mục vị trí việc làm, cơ cấu ngạch công chức', from: '03-13', to: '07-14' },
  baoCaoDanhGia: { type: 'BC', title: 'Báo cáo kết quả đánh giá, xếp loại chất lượng công chức, viên chức năm {Y} (số liệu đến ngày 30/11/{Y})', from: '11-27', to: '11-30' },
  keHoachDaoTao: { type: 'KH', title: 'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {Y}', from: '01-16', to: '03-10' },
  baoCaoCanBoXa: { type: 'BC', title: 'Báo cáo chất lượng đội ngũ cán bộ, công chức cấp xã năm {Y}', from: '09-11', to: '10-27' },
  qdCongKhaiDuToan: { type: 'QĐ', title: 'Quyết định công bố công khai dự toán ngân sách năm {Y}', from: '01-10', to: '02-10' },
  qdCongKhaiQuyetToan: { type: 'QĐ', title: 'Quyết định công bố công khai quyết toán ngân sách năm {Y-1}', from: '11-27', to: '11-30' },
  baoCaoGiaiNgan: { type: 'BC', title: 'Báo cáo tình hình thực hiện và giải ngân kế hoạch vốn đầu tư công năm {Y}', from: '11-01', to: '11-10' },
  baoCaoTaiChinh: { type: 'BC', title: 'Báo cáo tình hình thực hiện dự toán ngân sách, cơ chế tự chủ và nguồn cải cách tiền lương năm {Y}', from: '09-25', to: '11-03' },
  qdQuyCheChiTieu: { type: 'QĐ', title: 'Quyết định ban hành Quy chế chi tiêu nội bộ năm {Y}', from: '01-09', to: '02-24' },
  qdQuyCheTaiSan: { type: 'QĐ', title: 'Quyết định ban hành Quy chế quản lý, sử dụng tài sản công của {unit}', from: '02-13', to: '04-28' },
  baoCaoTaiSan: { type: 'BC', title: 'Báo cáo kê khai, công khai tình hình quản lý, sử dụng tài sản công năm {Y} (số liệu đến ngày 30/11/{Y})', from: '11-27', to: '11-30' },
  baoCaoCNTT: { type: 'BC', title: 'Báo cáo kết quả ứng dụng công nghệ thông tin, chuyển đổi số và triển khai Đề án 06 năm {Y}', from: '10-30', to: '11-10' },
  qdDVCTT: { type: 'QĐ', province: true, shared: true, title: 'Quyết định phê duyệt danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình, một phần trên địa bàn tỉnh Thái Nguyên năm {Y}', from: '04-10', to: '05-26' },
  keHoachCDS: { type: 'KH', title: 'Kế hoạch chuyển đổi số năm {Y}', from: '01-16', to: '03-10' },
  qdCapDo: { type: 'QĐ', title: 'Quyết định phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin của {unit}', from: '04-03', to: '07-28' },
  baoCaoKTXH: { type: 'BC', title: 'Báo cáo kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm {Y} thuộc lĩnh vực {linhVuc}', districtTitle: 'Báo cáo tình hình kinh tế - xã hội năm {Y}, phương hướng, nhiệm vụ năm {Y+1}', from: '11-01', to: '11-10' },
  baoCaoPCI: { type: 'BC', title: 'Báo cáo kết quả thực hiện Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số DDCI năm {Y}', from: '09-25', to: '11-03' },
  baoCaoNTM: { type: 'BC', title: 'Báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {Y}', from: '10-16', to: '11-08' },
};

/** Cities report on “đô thị văn minh” instead of rural development. */
export const CITY_NTM_TITLE = 'Báo cáo kết quả xây dựng đô thị văn minh, phường đạt chuẩn đô thị văn minh năm {Y}';

// ---------------------------------------------------------------------------------------------
// Leaves

export type Level = 'full' | 'partial' | 'zero';

export interface Ctx {
  Y: number;
  unit: string;          // subject: "Sở Nội vụ"
  meta: UnitMeta;
  district: boolean;
  level: Level;
  f: Record<string, number>;     // every figure of this unit-year
  /** Civil servants present this year (below the quota in `meta.staff`). */
  present: number;
  num: string; den: string; pct: string; missing: string; // current measured leaf, formatted
  n: (x: number) => string;      // Vietnamese number
  r: Rng;
  /** "Kế hoạch số 12/KH-SNV ngày 10/01/2023 của Sở Nội vụ" */
  ref(doc: string): string;
  /** "Kế hoạch số 12/KH-SNV ngày 10/01/2023" */
  refShort(doc: string): string;
  date(doc: string): string;
  /** "<locator>, <ref>" of the item's i-th evidence. */
  cite(i?: number): string;
}

export interface EvRef { doc: string; loc: string; stats?: boolean }

export interface FigureSpec {
  den: number;
  /** Upper bound (%) of the top band; above 100 where over-achievement is normal (revenue). */
  topMax?: number;
  /** At the top band, prefer exactly num = den (plans: "23/23 nhiệm vụ"). */
  exact?: boolean;
}

export interface LeafTemplate {
  ev: EvRef[] | ((c: Ctx) => EvRef[]);
  /** Evidence when the score is partial, if different. */
  evPartial?: EvRef[];
  text: (c: Ctx) => string;
  /** Text when a non-measured leaf scores 0 (no evidence then). */
  zero?: (c: Ctx) => string;
  na?: (c: Ctx) => string;
  fig?: (c: Ctx) => FigureSpec;
  /** Never self-scored 0 (the rest of the data assumes the document exists). */
  noZero?: boolean;
}

const part = (c: Ctx, s: string) => (c.level === 'partial' ? s : '');
const don = (c: Ctx) => (c.district ? 'cơ quan, đơn vị (phòng chuyên môn, UBND cấp xã)' : 'phòng, đơn vị thuộc');

export const LEAVES: Record<string, LeafTemplate> = {
  // ----- 1. Chỉ đạo, điều hành
  'Ban hành Kế hoạch CCHC năm': {
    ev: [{ doc: 'keHoachCCHC', loc: 'Mục II và Phụ lục' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `Ngày ${c.date('keHoachCCHC')}, ${c.unit} ban hành Kế hoạch CCHC năm ${c.Y}, đúng thời hạn; Kế hoạch xác định ${c.f.tasksPlanned} nhiệm vụ, sản phẩm cụ thể, thời hạn và đơn vị chủ trì. Minh chứng tại ${c.cite()}.`
      : `Ngày ${c.date('keHoachCCHC')}, ${c.unit} ban hành Kế hoạch CCHC năm ${c.Y}, chậm so với thời hạn 31/01/${c.Y}; Kế hoạch xác định ${c.f.tasksPlanned} nhiệm vụ, sản phẩm. Minh chứng tại ${c.cite()}.`,
  },
  'Mức độ thực hiện Kế hoạch CCHC năm': {
    ev: [{ doc: 'baoCaoCCHC', loc: 'Khoản 1, Mục I và Phụ lục I', stats: true }, { doc: 'keHoachCCHC', loc: 'Phụ lục' }],
    fig: (c) => ({ den: c.district ? c.r.int(24, 38) : c.r.int(17, 30), exact: true }),
    text: (c) => `Tính đến ngày ${c.date('baoCaoCCHC')}, ${c.unit} đã thực hiện ${c.num}/${c.den} nhiệm vụ đề ra tại Phụ lục kèm theo ${c.refShort('keHoachCCHC')}, đạt ${c.pct} kế hoạch${part(c, `; ${c.missing} nhiệm vụ chưa hoàn thành đã nêu rõ nguyên nhân`)}. Kết quả được minh chứng tại ${c.cite()}; Phụ lục I là Bảng thống kê nhiệm vụ hoàn thành, chưa hoàn thành và sản phẩm của từng nhiệm vụ.`,
  },
  'Thực hiện chế độ báo cáo CCHC định kỳ': {
    ev: [{ doc: 'baoCaoQuy3', loc: 'Mục I đến Mục IV' }, { doc: 'baoCaoCCHC', loc: 'Mục I' }],
    text: (c) => c.level === 'full'
      ? `Năm ${c.Y}, ${c.unit} gửi đủ 04 báo cáo CCHC định kỳ (quý I, 6 tháng, quý III, năm) đúng thời hạn và đúng đề cương; báo cáo quý III là ${c.refShort('baoCaoQuy3')} (Mục I đến Mục IV), báo cáo năm là ${c.refShort('baoCaoCCHC')} (Mục I).`
      : `Năm ${c.Y}, ${c.unit} gửi đủ 04 báo cáo CCHC định kỳ, trong đó báo cáo quý I gửi chậm 03 ngày; báo cáo quý III là ${c.refShort('baoCaoQuy3')} (Mục I đến Mục IV), báo cáo năm là ${c.refShort('baoCaoCCHC')} (Mục I).`,
  },
  'Ban hành Kế hoạch kiểm tra CCHC': {
    ev: [{ doc: 'keHoachKiemTra', loc: 'Mục II' }], noZero: true,
    text: (c) => `${c.unit} ban hành ${c.refShort('keHoachKiemTra')} kiểm tra công tác CCHC đối với ${c.f.inspectionsPlanned} ${don(c)}; đối tượng, nội dung và thời gian kiểm tra tại Mục II của Kế hoạch.`,
  },
  'Mức độ thực hiện Kế hoạch kiểm tra CCHC': {
    ev: [{ doc: 'baoCaoKiemTra', loc: 'Mục I và Biểu 01', stats: true }],
    fig: (c) => ({ den: c.district ? c.r.int(8, 14) : c.r.int(3, 6), exact: true }),
    text: (c) => `Theo Kế hoạch, năm ${c.Y} kiểm tra ${c.den} ${don(c)}; đã kiểm tra ${c.num}/${c.den}, đạt ${c.pct} kế hoạch${part(c, `, còn ${c.missing} đơn vị chuyển sang kiểm tra trong quý I năm ${c.Y + 1}`)}. Minh chứng tại ${c.cite()} (Biểu 01 thống kê các cuộc kiểm tra đã thực hiện).`,
  },
  'Xử lý các vấn đề phát hiện qua kiểm tra CCHC': {
    ev: [{ doc: 'baoCaoKiemTra', loc: 'Mục II' }],
    text: (c) => { const k = c.r.int(4, 11); return `Qua kiểm tra phát hiện ${k} tồn tại, hạn chế; ${c.unit} đã có văn bản chỉ đạo khắc phục ${k}/${k} tồn tại, kết quả khắc phục tổng hợp tại ${c.cite()}.`; },
    zero: (c) => `Qua kiểm tra phát hiện ${c.r.int(5, 9)} tồn tại, hạn chế, trong đó ${c.r.int(1, 3)} tồn tại chưa có văn bản chỉ đạo khắc phục nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Ban hành Kế hoạch tuyên truyền CCHC': {
    ev: [{ doc: 'keHoachCCHC', loc: 'Khoản 8, Mục III' }], noZero: true,
    text: (c) => `Nội dung tuyên truyền CCHC năm ${c.Y} được lồng ghép trong Kế hoạch CCHC, gồm ${c.f.activitiesPlanned} nội dung, hình thức tuyên truyền cụ thể. Minh chứng tại ${c.cite()}.`,
  },
  'Mức độ thực hiện Kế hoạch tuyên truyền CCHC': {
    ev: [{ doc: 'baoCaoCCHC', loc: 'Khoản 8, Mục I và Phụ lục III', stats: true }],
    fig: (c) => ({ den: c.r.int(6, 12), exact: true }),
    text: (c) => `${c.unit} đã thực hiện ${c.num}/${c.den} nội dung tuyên truyền CCHC theo kế hoạch (đạt ${c.pct}), trong đó đăng tải ${c.r.int(24, 96)} tin, bài trên Cổng thông tin điện tử và tổ chức ${c.r.int(1, 4)} hội nghị quán triệt${part(c, `; ${c.missing} nội dung chưa thực hiện`)}. Minh chứng tại ${c.cite()}.`,
  },
  'Sáng kiến, giải pháp mới trong cải cách hành chính': {
    ev: [{ doc: 'qdSangKien', loc: 'Điều 1 và danh mục kèm theo' }],
    evPartial: [{ doc: 'baoCaoCCHC', loc: 'Khoản 1, Mục IV' }],
    text: (c) => c.level === 'full'
      ? `Năm ${c.Y}, sáng kiến “${c.r.pick(c.meta.sangKien)}” của ${c.unit} được công nhận là sáng kiến cấp cơ sở. Minh chứng tại ${c.cite()}.`
      : `Năm ${c.Y}, ${c.unit} áp dụng giải pháp “${c.r.pick(c.meta.sangKien)}”, chưa được công nhận là sáng kiến. Kết quả áp dụng tại ${c.cite()}.`,
    zero: (c) => `Năm ${c.Y}, ${c.unit} không có sáng kiến, giải pháp mới về CCHC được công nhận hoặc áp dụng nên tự chấm 0 điểm.`,
  },
  'Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao': {
    ev: [{ doc: 'baoCaoNhiemVu', loc: 'Mục I và Phụ lục 01', stats: true }],
    fig: (c) => ({ den: c.district ? c.r.int(110, 260) : c.r.int(60, 170), exact: true }),
    text: (c) => `Năm ${c.Y}, ${c.unit} được giao ${c.den} nhiệm vụ trên Hệ thống theo dõi nhiệm vụ của tỉnh, đã hoàn thành đúng hạn ${c.num}/${c.den} nhiệm vụ, đạt ${c.pct}${part(c, `; ${c.missing} nhiệm vụ hoàn thành chậm so với thời hạn`)}. Minh chứng tại ${c.cite()} (Phụ lục 01 trích xuất từ Hệ thống).`,
  },
  'Chỉ đạo, hướng dẫn công tác CCHC đối với UBND cấp xã': {
    ev: [{ doc: 'cvChiDaoXa', loc: 'Khoản 1 đến Khoản 6' }],
    text: (c) => `${c.unit} ban hành ${c.refShort('cvChiDaoXa')} chỉ đạo UBND ${c.meta.communes} xã, phường, thị trấn triển khai 06 nhóm nhiệm vụ CCHC năm ${c.Y}; nội dung chỉ đạo tại Khoản 1 đến Khoản 6 của văn bản.`,
    zero: (c) => `Năm ${c.Y}, ${c.unit} không ban hành văn bản chỉ đạo riêng đối với cấp xã nên tự chấm 0 điểm.`,
  },

  // ----- 2. Thể chế
  'Tham mưu ban hành VBQPPL theo Chương trình xây dựng VBQPPL của tỉnh': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Khoản 1, Mục I và Phụ lục I', stats: true }],
    fig: (c) => ({ den: c.r.int(2, 7), exact: true }),
    text: (c) => `Năm ${c.Y}, ${c.unit} được giao chủ trì soạn thảo ${c.den} VBQPPL, đã trình đúng hạn ${c.num}/${c.den} văn bản (đạt ${c.pct})${part(c, `; ${c.missing} văn bản trình chậm`)}. Minh chứng tại ${c.cite()}.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không được giao chủ trì soạn thảo VBQPPL trong Chương trình xây dựng VBQPPL của tỉnh nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Ban hành VBQPPL của HĐND, UBND huyện theo kế hoạch': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Khoản 1, Mục I và Phụ lục I', stats: true }],
    fig: (c) => ({ den: c.r.int(1, 4), exact: true }),
    text: (c) => `Theo kế hoạch năm ${c.Y}, HĐND, UBND ${c.unit.replace('UBND ', '')} ban hành ${c.den} VBQPPL; đã ban hành ${c.num}/${c.den} văn bản (đạt ${c.pct}). Minh chứng tại ${c.cite()}.`,
    na: (c) => `Năm ${c.Y}, HĐND, UBND ${c.unit.replace('UBND ', '')} không có VBQPPL trong kế hoạch ban hành nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Thực hiện quy trình xây dựng VBQPPL': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Khoản 2, Mục I' }],
    text: (c) => { const d = c.f.draftsAssigned ?? c.f.draftsPlanned ?? 2; return c.level === 'full'
      ? `${d}/${d} dự thảo VBQPPL được lấy ý kiến, gửi thẩm định và đăng tải trên Cổng thông tin điện tử đúng quy định. Minh chứng tại ${c.cite()}.`
      : `${d - 1}/${d} dự thảo VBQPPL thực hiện đầy đủ quy trình; 01 dự thảo đăng tải lấy ý kiến chưa đủ 30 ngày. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Các dự thảo VBQPPL năm ${c.Y} chưa được đăng tải lấy ý kiến đúng quy định nên ${c.unit} tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không chủ trì xây dựng VBQPPL nào nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Kiểm tra, xử lý VBQPPL do HĐND, UBND cấp xã ban hành': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Khoản 3, Mục I' }],
    text: (c) => { const k = c.r.int(3, 12); const j = c.r.int(0, 2); return `Năm ${c.Y}, ${c.unit} tiếp nhận và kiểm tra ${k}/${k} VBQPPL do HĐND, UBND cấp xã ban hành${j ? `, phát hiện ${j} văn bản có sai sót về thể thức và đã đề nghị xử lý` : ', không phát hiện văn bản trái pháp luật'}. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa kiểm tra đầy đủ VBQPPL do cấp xã ban hành nên tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, HĐND, UBND các xã, thị trấn trên địa bàn không ban hành VBQPPL nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Ban hành Kế hoạch rà soát, hệ thống hóa VBQPPL': {
    ev: [{ doc: 'keHoachPhapChe', loc: 'Mục II' }], noZero: true,
    text: (c) => `Nhiệm vụ rà soát, hệ thống hóa VBQPPL năm ${c.Y} được ${c.unit} ban hành tại ${c.cite()}, gồm ${c.f.reviewsPlanned} nội dung.`,
  },
  'Mức độ thực hiện Kế hoạch rà soát, hệ thống hóa VBQPPL': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Mục II và Phụ lục II', stats: true }],
    fig: (c) => ({ den: c.r.int(4, 10), exact: true }),
    text: (c) => `${c.unit} đã hoàn thành ${c.num}/${c.den} nội dung rà soát, hệ thống hóa VBQPPL theo kế hoạch, đạt ${c.pct}${part(c, `; ${c.missing} nội dung đang thực hiện`)}. Minh chứng tại ${c.cite()} (Phụ lục II là Bảng thống kê văn bản đã rà soát).`,
  },
  'Xử lý, kiến nghị xử lý văn bản sau rà soát': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Khoản 2, Mục II' }],
    text: (c) => { const k = c.r.int(2, 9); return `Qua rà soát phát hiện ${k} văn bản cần sửa đổi, bổ sung, thay thế hoặc bãi bỏ; ${c.unit} đã xử lý, kiến nghị xử lý ${k}/${k} văn bản. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Qua rà soát phát hiện ${c.r.int(3, 7)} văn bản không còn phù hợp, trong đó 02 văn bản chưa được kiến nghị xử lý nên ${c.unit} tự chấm 0 điểm.`,
    na: (c) => `Qua rà soát năm ${c.Y}, ${c.unit} không phát hiện văn bản trái pháp luật, hết hiệu lực hoặc không còn phù hợp nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật': {
    ev: [{ doc: 'keHoachPhapChe', loc: 'Mục III' }], noZero: true,
    text: (c) => `Nhiệm vụ theo dõi tình hình thi hành pháp luật năm ${c.Y} được ban hành tại ${c.cite()}, gồm ${c.f.lawTasksPlanned} nhiệm vụ.`,
  },
  'Mức độ thực hiện Kế hoạch theo dõi tình hình thi hành pháp luật': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Mục III và Phụ lục III', stats: true }],
    fig: (c) => ({ den: c.r.int(3, 8), exact: true }),
    text: (c) => `${c.unit} đã hoàn thành ${c.num}/${c.den} nhiệm vụ theo dõi tình hình thi hành pháp luật, đạt ${c.pct} kế hoạch. Minh chứng tại ${c.cite()}.`,
  },
  'Thực hiện công tác phổ biến, giáo dục pháp luật': {
    ev: [{ doc: 'baoCaoPhapChe', loc: 'Mục IV' }, { doc: 'keHoachPhapChe', loc: 'Mục IV' }],
    text: (c) => { const k = c.r.int(8, 15); return c.level === 'full'
      ? `${c.unit} đã thực hiện ${k}/${k} nội dung phổ biến, giáo dục pháp luật đề ra tại Mục IV, ${c.refShort('keHoachPhapChe')}. Kết quả tại ${c.cite()}.`
      : `${c.unit} đã thực hiện ${k - 2}/${k} nội dung phổ biến, giáo dục pháp luật đề ra tại Mục IV, ${c.refShort('keHoachPhapChe')}. Kết quả tại ${c.cite()}.`; },
    zero: (c) => `Năm ${c.Y}, ${c.unit} không ban hành kế hoạch phổ biến, giáo dục pháp luật riêng nên tự chấm 0 điểm.`,
  },

  // ----- 3. Thủ tục hành chính
  'Ban hành Kế hoạch rà soát, đánh giá TTHC': {
    ev: [{ doc: 'keHoachKSTTHC', loc: 'Mục II' }], noZero: true,
    text: (c) => `${c.unit} ban hành ${c.refShort('keHoachKSTTHC')}, trong đó Mục II xác định rà soát, đánh giá ${c.f.proceduresPlanned} TTHC. Minh chứng tại ${c.cite()}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Mức độ thực hiện Kế hoạch rà soát, đánh giá TTHC': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 1, Mục I và Phụ lục I', stats: true }],
    fig: (c) => ({ den: c.r.int(8, 24), exact: true }),
    text: (c) => `${c.unit} đã rà soát ${c.num}/${c.den} TTHC theo kế hoạch (đạt ${c.pct}), đề xuất phương án đơn giản hóa ${Math.max(1, Math.round((c.f.proceduresReviewed ?? 3) / 3))} TTHC. Minh chứng tại ${c.cite()}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tham mưu công bố danh mục TTHC đúng thời hạn': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 2, Mục I và Phụ lục I', stats: true }, { doc: 'qdCongBoTTHC', loc: 'Điều 1' }],
    fig: (c) => ({ den: c.r.int(2, 6), exact: true }),
    text: (c) => `Năm ${c.Y}, ${c.unit} trình UBND tỉnh công bố ${c.den} danh mục TTHC, trong đó ${c.num}/${c.den} danh mục trình đúng thời hạn (đạt ${c.pct}); gần nhất là danh mục công bố tại Điều 1, ${c.ref('qdCongBoTTHC')}. Bảng thống kê thời hạn trình tại Khoản 2, Mục I và Phụ lục I, ${c.refShort('baoCaoKSTTHC')}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Công khai TTHC tại Bộ phận Một cửa cấp huyện, cấp xã': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 2, Mục II' }],
    text: (c) => `100% TTHC thuộc thẩm quyền (${c.meta.procedures - 170} TTHC cấp huyện, 170 TTHC cấp xã) được niêm yết công khai tại Bộ phận Một cửa cấp huyện và ${c.meta.communes}/${c.meta.communes} đơn vị cấp xã. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Qua kiểm tra còn ${c.r.int(2, 4)} đơn vị cấp xã niêm yết TTHC chưa cập nhật nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Công khai TTHC trên Cơ sở dữ liệu quốc gia và Cổng Dịch vụ công': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 1, Mục II' }],
    text: (c) => `${c.meta.procedures}/${c.meta.procedures} TTHC thuộc thẩm quyền giải quyết của ${c.unit} được công khai đầy đủ, đúng hạn trên Cơ sở dữ liệu quốc gia về TTHC và Cổng Dịch vụ công của tỉnh. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Còn ${c.r.int(2, 5)} TTHC mới công bố chưa được cập nhật lên Cơ sở dữ liệu quốc gia về TTHC đúng hạn nên ${c.unit} tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Công khai TTHC tại Trung tâm Phục vụ hành chính công và trên Trang thông tin điện tử': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 1, Mục II' }],
    text: (c) => `${c.meta.procedures} TTHC của ${c.unit} được niêm yết tại quầy của Sở ở Trung tâm Phục vụ hành chính công tỉnh và công khai trên Cổng thông tin điện tử của Sở, đúng quy định. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Danh mục TTHC trên Cổng thông tin điện tử của ${c.unit} chưa được cập nhật theo các quyết định công bố mới nên tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tỉ lệ hồ sơ TTHC được giải quyết đúng hạn': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 1, Mục III và Phụ lục II', stats: true }],
    fig: (c) => ({ den: Math.round(c.meta.volume * (0.95 + c.r.next() * 0.03)) }),
    text: (c) => `Tính đến ngày ${c.date('baoCaoKSTTHC')}, ${c.unit} đã giải quyết ${c.den} hồ sơ TTHC, trong đó ${c.num} hồ sơ đúng hạn (đạt ${c.pct})${c.missing === '0' ? ', không có hồ sơ quá hạn' : `, ${c.missing} hồ sơ quá hạn`}. Minh chứng tại ${c.cite()} (Phụ lục II trích xuất từ Hệ thống thông tin giải quyết TTHC của tỉnh).`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tỉ lệ hồ sơ TTHC cấp xã được giải quyết đúng hạn': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 2, Mục III và Phụ lục II', stats: true }],
    fig: (c) => ({ den: (c.meta.communes ?? 10) * c.r.int(900, 1500) }),
    text: (c) => `Tính đến ngày ${c.date('baoCaoKSTTHC')}, ${c.meta.communes} đơn vị cấp xã đã giải quyết ${c.den} hồ sơ, trong đó ${c.num} hồ sơ đúng hạn (đạt ${c.pct}). Minh chứng tại ${c.cite()}.`,
  },
  'Thực hiện xin lỗi đối với hồ sơ giải quyết quá hạn': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 3, Mục III' }], noZero: true,
    text: (c) => { const late = (c.f.filesResolved ?? 0) - (c.f.filesOnTime ?? 0) + ((c.f.communeFilesResolved ?? 0) - (c.f.communeFilesOnTime ?? 0));
      return late > 0
        ? `Năm ${c.Y} có ${c.n(late)} hồ sơ giải quyết quá hạn; ${c.unit} và các đơn vị đã gửi ${c.n(late)}/${c.n(late)} phiếu xin lỗi, hẹn lại ngày trả kết quả. Minh chứng tại ${c.cite()}.`
        : `Năm ${c.Y}, ${c.unit} không có hồ sơ giải quyết quá hạn. Minh chứng tại ${c.cite()}.`; },
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Số hóa hồ sơ, kết quả giải quyết TTHC': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 4, Mục III và Phụ lục II', stats: true }],
    fig: (c) => ({ den: c.meta.volume }),
    text: (c) => `Năm ${c.Y}, ${c.unit} tiếp nhận ${c.den} hồ sơ, đã số hóa ${c.num} hồ sơ và kết quả giải quyết, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Thanh toán trực tuyến phí, lệ phí giải quyết TTHC': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 5, Mục III và Phụ lục II', stats: true }],
    fig: (c) => ({ den: Math.round(c.meta.volume * (0.3 + c.r.next() * 0.2)), topMax: 68 }),
    text: (c) => `Trong ${c.den} hồ sơ có phát sinh phí, lệ phí, có ${c.num} hồ sơ được thanh toán trực tuyến qua Cổng Dịch vụ công, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 6, Mục III' }],
    text: (c) => c.level === 'full'
      ? `${c.unit} cử ${c.r.int(2, 4)} công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh, đủ số lượng và đúng tiêu chuẩn theo quy định. Minh chứng tại ${c.cite()}.`
      : `${c.unit} cử 02 công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh, còn thiếu 01 công chức so với yêu cầu. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa cử công chức làm việc thường xuyên tại Trung tâm nên tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tổ chức, hoạt động của Bộ phận Một cửa cấp huyện, cấp xã': {
    ev: [{ doc: 'qdMotCua', loc: 'Điều 1 và Điều 2' }, { doc: 'baoCaoKSTTHC', loc: 'Khoản 6, Mục III' }],
    text: (c) => c.level === 'full'
      ? `${c.unit} kiện toàn Bộ phận Một cửa cấp huyện tại Điều 1 và Điều 2, ${c.refShort('qdMotCua')}; ${c.meta.communes}/${c.meta.communes} đơn vị cấp xã bố trí Bộ phận Một cửa đúng quy định (Khoản 6, Mục III, ${c.refShort('baoCaoKSTTHC')}).`
      : `${c.unit} kiện toàn Bộ phận Một cửa cấp huyện tại Điều 1 và Điều 2, ${c.refShort('qdMotCua')}; còn ${c.r.int(1, 3)} đơn vị cấp xã chưa bố trí đủ trang thiết bị (Khoản 6, Mục III, ${c.refShort('baoCaoKSTTHC')}).`,
    zero: (c) => `Bộ phận Một cửa cấp huyện chưa được kiện toàn theo quy định mới nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Liên thông TTHC đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 1, Mục IV và Phụ lục III', stats: true }],
    fig: (c) => ({ den: Math.round((c.meta.births ?? 1500) * (0.9 + c.r.next() * 0.2)) }),
    text: (c) => `Năm ${c.Y}, trên địa bàn có ${c.den} hồ sơ đăng ký khai sinh, trong đó ${c.num} hồ sơ được giải quyết theo nhóm TTHC liên thông, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Liên thông TTHC đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 2, Mục IV' }],
    text: (c) => `Nhóm TTHC liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất được triển khai tại ${c.meta.communes}/${c.meta.communes} đơn vị cấp xã. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Còn ${c.r.int(2, 5)} đơn vị cấp xã chưa triển khai nhóm TTHC liên thông này nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính': {
    ev: (c) => (c.meta.procedures ? [{ doc: 'baoCaoKSTTHC', loc: 'Mục V' }] : [{ doc: 'baoCaoCCHC', loc: 'Khoản 2, Mục III' }]),
    noZero: true,
    text: (c) => { const k = c.meta.procedures ? c.r.int(1, 7) : 0;
      if (!k) return `Năm ${c.Y}, ${c.unit} không tiếp nhận phản ánh, kiến nghị nào về quy định hành chính. Minh chứng tại ${c.cite()}.`;
      return c.level === 'full'
        ? `Năm ${c.Y}, ${c.unit} tiếp nhận ${k} phản ánh, kiến nghị về quy định hành chính, đã xử lý đúng hạn ${k}/${k}. Minh chứng tại ${c.cite()}.`
        : `Năm ${c.Y}, ${c.unit} tiếp nhận ${k + 1} phản ánh, kiến nghị về quy định hành chính, đã xử lý ${k + 1}/${k + 1}, trong đó 01 phản ánh xử lý quá hạn. Minh chứng tại ${c.cite()}.`; },
  },
  'Rà soát, đơn giản hóa thủ tục hành chính nội bộ': {
    ev: (c) => (c.meta.procedures ? [{ doc: 'baoCaoKSTTHC', loc: 'Mục VI' }] : [{ doc: 'baoCaoCCHC', loc: 'Khoản 3, Mục III' }]),
    text: (c) => { const k = c.r.int(4, 14); return c.level === 'full'
      ? `${c.unit} đã rà soát ${k} TTHC nội bộ, kiến nghị đơn giản hóa ${Math.ceil(k / 3)} thủ tục và gửi Văn phòng UBND tỉnh đúng thời hạn. Minh chứng tại ${c.cite()}.`
      : `${c.unit} đã rà soát ${k} TTHC nội bộ, kiến nghị đơn giản hóa ${Math.ceil(k / 3)} thủ tục, gửi Văn phòng UBND tỉnh chậm 05 ngày so với thời hạn. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa thực hiện rà soát TTHC nội bộ theo kế hoạch của tỉnh nên tự chấm 0 điểm.`,
  },

  // ----- 4. Tổ chức bộ máy
  'Ban hành quy định chức năng, nhiệm vụ của các phòng, đơn vị thuộc': {
    ev: [{ doc: 'qdChucNang', loc: 'Điều 1 đến Điều 3' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `${c.unit} ban hành ${c.refShort('qdChucNang')} quy định chức năng, nhiệm vụ, quyền hạn của ${c.meta.units} phòng, đơn vị thuộc, kịp thời sau khi quy định của UBND tỉnh có hiệu lực; nội dung tại ${c.cite()}.`
      : `${c.unit} ban hành ${c.refShort('qdChucNang')} quy định chức năng, nhiệm vụ của ${c.meta.units} phòng, đơn vị thuộc, chậm 02 tháng so với yêu cầu; nội dung tại ${c.cite()}.`,
  },
  'Ban hành quy định chức năng, nhiệm vụ của các phòng chuyên môn': {
    ev: [{ doc: 'qdChucNang', loc: 'Điều 1 đến Điều 4' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `${c.unit} ban hành ${c.refShort('qdChucNang')} quy định chức năng, nhiệm vụ, quyền hạn của ${c.meta.units} cơ quan chuyên môn, kịp thời theo hướng dẫn của tỉnh; nội dung tại ${c.cite()}.`
      : `${c.unit} ban hành ${c.refShort('qdChucNang')} quy định chức năng, nhiệm vụ của ${c.meta.units} cơ quan chuyên môn, chậm so với hướng dẫn của tỉnh; nội dung tại ${c.cite()}.`,
  },
  'Thực hiện quy định về số lượng cấp phó': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 2, Mục I và Biểu 01' }],
    text: (c) => `${c.unit} có ${c.r.int(2, 3)} cấp phó của người đứng đầu và ${c.r.int(c.meta.units, c.meta.units * 2)} cấp phó của các ${c.district ? 'cơ quan chuyên môn' : 'phòng, đơn vị thuộc'}, không vượt số lượng theo quy định. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Số lượng cấp phó của 01 ${c.district ? 'cơ quan chuyên môn' : 'đơn vị thuộc'} vượt quy định nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Sắp xếp, tinh gọn các đơn vị sự nghiệp công lập trực thuộc': {
    ev: [{ doc: 'qdSapXep', loc: 'Điều 1' }, { doc: 'baoCaoToChuc', loc: 'Khoản 3, Mục I' }],
    text: (c) => c.level === 'full'
      ? `Thực hiện lộ trình sắp xếp, ${c.unit} đã tổ chức lại ${c.r.int(2, 4)} đơn vị sự nghiệp trực thuộc theo Điều 1, ${c.ref('qdSapXep')}, hoàn thành đúng lộ trình. Kết quả tại Khoản 3, Mục I, ${c.refShort('baoCaoToChuc')}.`
      : `${c.unit} đã tổ chức lại đơn vị sự nghiệp trực thuộc theo Điều 1, ${c.ref('qdSapXep')}, chậm 01 quý so với lộ trình. Kết quả tại Khoản 3, Mục I, ${c.refShort('baoCaoToChuc')}.`,
    zero: (c) => `${c.unit} chưa thực hiện lộ trình sắp xếp đơn vị sự nghiệp trực thuộc năm ${c.Y} nên tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không có đơn vị sự nghiệp công lập thuộc diện sắp xếp theo lộ trình nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Sắp xếp đơn vị hành chính cấp xã, thôn, tổ dân phố': {
    ev: [{ doc: 'qdSapXep', loc: 'Điều 1' }],
    text: (c) => { const k = c.r.int(6, 14); return `Thực hiện sáp nhập ${k} xóm, tổ dân phố thành ${Math.ceil(k / 2)} xóm, tổ dân phố theo Điều 1, ${c.ref('qdSapXep')}${c.level === 'full' ? ', hoàn thành đúng lộ trình' : ', chậm so với lộ trình'}.`; },
    zero: (c) => `${c.unit} chưa hoàn thành sắp xếp xóm, tổ dân phố năm ${c.Y} nên tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, trên địa bàn không có đơn vị hành chính cấp xã, xóm, tổ dân phố thuộc diện sắp xếp nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Sử dụng biên chế công chức được giao': {
    ev: [{ doc: 'qdGiaoBienChe', loc: 'Phụ lục' }, { doc: 'baoCaoToChuc', loc: 'Khoản 1, Mục II' }],
    text: (c) => `Năm ${c.Y}, ${c.unit} được giao ${c.meta.staff} biên chế công chức (Phụ lục kèm theo ${c.ref('qdGiaoBienChe')}); số công chức có mặt là ${c.present}, không vượt số được giao. Minh chứng tại Khoản 1, Mục II, ${c.refShort('baoCaoToChuc')}.`,
    zero: (c) => `Số công chức có mặt của ${c.unit} vượt số biên chế được giao nên tự chấm 0 điểm.`,
  },
  'Thực hiện tinh giản biên chế': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 2, Mục II và Biểu 02', stats: true }],
    fig: (c) => ({ den: c.district ? c.r.int(3, 8) : c.r.int(1, 4), exact: true }),
    text: (c) => `Chỉ tiêu tinh giản biên chế năm ${c.Y} của ${c.unit} là ${c.den} người; đã thực hiện tinh giản ${c.num}/${c.den} người, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Thực hiện phân cấp, ủy quyền': {
    ev: [{ doc: 'baoCaoCCHC', loc: 'Khoản 3, Mục II' }],
    text: (c) => c.level === 'full'
      ? `${c.unit} thực hiện đầy đủ ${c.r.int(4, 12)} nhiệm vụ được phân cấp, ủy quyền và tổ chức kiểm tra việc thực hiện. Minh chứng tại ${c.cite()}.`
      : `${c.unit} thực hiện các nhiệm vụ được phân cấp, ủy quyền nhưng chưa tổ chức kiểm tra việc thực hiện. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `${c.unit} chưa báo cáo kết quả thực hiện nhiệm vụ được phân cấp, ủy quyền nên tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không được phân cấp, ủy quyền nhiệm vụ quản lý nhà nước nào nên đề nghị không áp dụng tiêu chí này.`,
  },

  // ----- 5. Công vụ
  'Cập nhật, điều chỉnh Đề án vị trí việc làm': {
    ev: [{ doc: 'cvViTriViecLam', loc: 'Khoản 1 và Khoản 2' }],
    text: (c) => `${c.unit} đã rà soát và có ${c.refShort('cvViTriViecLam')} đề nghị điều chỉnh danh mục vị trí việc làm, cơ cấu ngạch công chức theo quy định mới; nội dung điều chỉnh tại ${c.cite()}.`,
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa rà soát, cập nhật Đề án vị trí việc làm theo quy định mới nên tự chấm 0 điểm.`,
  },
  'Bố trí công chức theo vị trí việc làm được phê duyệt': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 3, Mục II và Biểu 03', stats: true }],
    fig: (c) => ({ den: c.present, exact: true }),
    text: (c) => `${c.num}/${c.den} công chức của ${c.unit} được bố trí đúng vị trí việc làm được phê duyệt, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Thực hiện tuyển dụng, tiếp nhận công chức, viên chức': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 4, Mục II' }],
    text: (c) => `Năm ${c.Y}, ${c.unit} tiếp nhận ${c.r.int(1, 4)} công chức và tuyển dụng ${c.r.int(2, 25)} viên chức đúng quy định, không có khiếu nại. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Kết quả tuyển dụng năm ${c.Y} của ${c.unit} có sai sót đã bị cơ quan có thẩm quyền kết luận nên tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không tổ chức tuyển dụng, tiếp nhận công chức, viên chức nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Thực hiện điều động, luân chuyển, chuyển đổi vị trí công tác': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 5, Mục II' }],
    text: (c) => { const k = c.r.int(3, 9); return c.level === 'full'
      ? `Theo kế hoạch năm ${c.Y}, ${c.unit} chuyển đổi vị trí công tác ${k} công chức; đã thực hiện ${k}/${k} công chức. Minh chứng tại ${c.cite()}.`
      : `Theo kế hoạch năm ${c.Y}, ${c.unit} chuyển đổi vị trí công tác ${k} công chức; đã thực hiện ${k - 1}/${k} công chức. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa thực hiện chuyển đổi vị trí công tác theo kế hoạch nên tự chấm 0 điểm.`,
  },
  'Thực hiện đánh giá, xếp loại chất lượng công chức, viên chức': {
    ev: [{ doc: 'baoCaoDanhGia', loc: 'Mục I và Biểu tổng hợp 01' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `Số liệu đến ngày 30/11/${c.Y}: ${c.unit} đã tổ chức đánh giá, xếp loại chất lượng ${c.present} công chức đúng quy trình, đúng thời hạn. Minh chứng tại ${c.cite()}.`
      : `Số liệu đến ngày 30/11/${c.Y}: ${c.unit} đã đánh giá, xếp loại chất lượng ${c.present} công chức đúng quy trình nhưng chậm 07 ngày so với kế hoạch. Minh chứng tại ${c.cite()}.`,
  },
  'Tỉ lệ công chức xếp loại hoàn thành xuất sắc nhiệm vụ đúng quy định': {
    ev: [{ doc: 'baoCaoDanhGia', loc: 'Khoản 2, Mục I và Biểu tổng hợp 02' }],
    text: (c) => { const y = c.present - c.r.int(1, 4); const x = Math.floor(y * 0.2) - c.r.int(0, 2);
      return `Có ${x} công chức hoàn thành xuất sắc nhiệm vụ trên ${y} công chức hoàn thành tốt nhiệm vụ trở lên (${c.n(Math.floor((x * 10000) / y) / 100)}%), không vượt 20% theo quy định. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Tỉ lệ công chức hoàn thành xuất sắc nhiệm vụ của ${c.unit} vượt 20% số hoàn thành tốt nhiệm vụ trở lên nên tự chấm 0 điểm.`,
  },
  'Ban hành Kế hoạch đào tạo, bồi dưỡng công chức, viên chức': {
    ev: [{ doc: 'keHoachDaoTao', loc: 'Mục II' }], noZero: true,
    text: (c) => `${c.unit} ban hành ${c.refShort('keHoachDaoTao')}, dự kiến cử ${c.f.trainedPlanned} lượt cán bộ, công chức, viên chức đi đào tạo, bồi dưỡng (Mục II của Kế hoạch).`,
  },
  'Mức độ thực hiện Kế hoạch đào tạo, bồi dưỡng': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Mục III và Biểu 04', stats: true }],
    fig: (c) => ({ den: c.district ? c.r.int(90, 220) : c.r.int(20, 60) }),
    text: (c) => `Năm ${c.Y}, ${c.unit} đã cử ${c.num}/${c.den} lượt cán bộ, công chức, viên chức đi đào tạo, bồi dưỡng theo kế hoạch, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Kiểm tra công vụ, kỷ luật, kỷ cương hành chính': {
    ev: [{ doc: 'baoCaoCCHC', loc: 'Khoản 4, Mục II' }],
    text: (c) => `Năm ${c.Y}, ${c.unit} tổ chức ${c.r.int(2, 6)} đợt kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính${c.district ? ' tại các phòng chuyên môn và UBND cấp xã' : ''}. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Năm ${c.Y}, ${c.unit} chưa tổ chức kiểm tra công vụ riêng nên tự chấm 0 điểm.`,
  },
  'Công chức, viên chức bị xử lý kỷ luật': {
    ev: [{ doc: 'baoCaoToChuc', loc: 'Khoản 6, Mục II' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `Năm ${c.Y}, ${c.unit} không có công chức, viên chức bị xử lý kỷ luật. Minh chứng tại ${c.cite()}.`
      : `Năm ${c.Y}, ${c.unit} có 01 công chức bị kỷ luật khiển trách. Minh chứng tại ${c.cite()}.`,
  },
  'Tỉ lệ cán bộ, công chức cấp xã đạt chuẩn': {
    ev: [{ doc: 'baoCaoCanBoXa', loc: 'Mục II và Biểu 01', stats: true }],
    fig: (c) => ({ den: (c.meta.communes ?? 10) * c.r.int(19, 22) }),
    text: (c) => `Trên địa bàn có ${c.den} cán bộ, công chức cấp xã, trong đó ${c.num} người đạt chuẩn theo quy định (đạt ${c.pct}). Minh chứng tại ${c.cite()}.`,
  },

  // ----- 6. Tài chính công
  'Công khai dự toán ngân sách được giao': {
    ev: [{ doc: 'qdCongKhaiDuToan', loc: 'Điều 1 và biểu số 01 kèm theo' }],
    text: (c) => `${c.unit} ban hành ${c.refShort('qdCongKhaiDuToan')} công bố công khai dự toán ngân sách năm ${c.Y} đúng nội dung, hình thức và thời hạn. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `${c.unit} công khai dự toán ngân sách năm ${c.Y} chậm so với thời hạn quy định nên tự chấm 0 điểm.`,
  },
  'Công khai quyết toán ngân sách': {
    ev: [{ doc: 'qdCongKhaiQuyetToan', loc: 'Điều 1 và biểu số 02 kèm theo' }],
    text: (c) => `Số liệu đến ngày 30/11/${c.Y}: ${c.unit} đã công bố công khai quyết toán ngân sách năm ${c.Y - 1} tại ${c.refShort('qdCongKhaiQuyetToan')}, đúng quy định. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Đến ngày 30/11/${c.Y}, ${c.unit} chưa công khai quyết toán ngân sách năm ${c.Y - 1} nên tự chấm 0 điểm.`,
  },
  'Tỉ lệ giải ngân kế hoạch vốn đầu tư công được giao': {
    ev: [{ doc: 'baoCaoGiaiNgan', loc: 'Mục I và Phụ lục 01', stats: true }],
    fig: (c) => ({ den: Math.round(c.r.int(c.meta.capital[0], c.meta.capital[1]) / 10) * 10 }),
    text: (c) => `Kế hoạch vốn đầu tư công năm ${c.Y} giao cho ${c.unit} là ${c.den} triệu đồng; giải ngân đến ngày ${c.date('baoCaoGiaiNgan')} là ${c.num} triệu đồng, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không được giao kế hoạch vốn đầu tư công nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính, ngân sách': {
    ev: [{ doc: 'baoCaoTaiChinh', loc: 'Mục III' }],
    text: (c) => { const k = c.r.int(2, 8); return `${c.unit} đã thực hiện ${k}/${k} kiến nghị của Kiểm toán nhà nước và kết luận thanh tra về tài chính, ngân sách. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Còn ${c.r.int(1, 3)} kiến nghị của Kiểm toán nhà nước chưa thực hiện xong nên ${c.unit} tự chấm 0 điểm.`,
    na: (c) => `Năm ${c.Y}, ${c.unit} không có kiến nghị của thanh tra, kiểm toán về tài chính, ngân sách nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Ban hành, thực hiện Quy chế chi tiêu nội bộ': {
    ev: [{ doc: 'qdQuyCheChiTieu', loc: 'Điều 1 và Quy chế kèm theo' }],
    text: (c) => `${c.unit} ban hành Quy chế chi tiêu nội bộ năm ${c.Y} tại ${c.cite()}, cập nhật theo quy định hiện hành.`,
    zero: (c) => `${c.unit} chưa sửa đổi Quy chế chi tiêu nội bộ theo quy định mới nên tự chấm 0 điểm.`,
  },
  'Thực hiện tự chủ tài chính tại đơn vị sự nghiệp công lập trực thuộc': {
    ev: [{ doc: 'baoCaoTaiChinh', loc: 'Mục II' }],
    text: (c) => { const j = Math.max(1, Math.round(c.meta.dvsn * 0.3)); return c.level === 'full'
      ? `${c.unit} có ${c.meta.dvsn} đơn vị sự nghiệp công lập trực thuộc, trong đó ${j} đơn vị tự bảo đảm một phần hoặc toàn bộ chi thường xuyên (năm ${c.Y - 1}: ${j - 1} đơn vị), tăng 01 đơn vị. Minh chứng tại ${c.cite()}.`
      : `${c.unit} có ${c.meta.dvsn} đơn vị sự nghiệp công lập trực thuộc, trong đó ${j} đơn vị tự bảo đảm một phần hoặc toàn bộ chi thường xuyên, giữ nguyên so với năm ${c.Y - 1}. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Số đơn vị sự nghiệp tự bảo đảm chi thường xuyên của ${c.unit} giảm so với năm ${c.Y - 1} nên tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không có đơn vị sự nghiệp công lập trực thuộc nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Thực hiện chính sách tạo nguồn cải cách tiền lương': {
    ev: [{ doc: 'baoCaoTaiChinh', loc: 'Mục IV' }],
    text: (c) => `${c.unit} trích lập nguồn cải cách tiền lương từ 10% tiết kiệm chi thường xuyên và 40% số thu được để lại theo đúng quy định. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `${c.unit} chưa trích lập đủ nguồn cải cách tiền lương theo quy định nên tự chấm 0 điểm.`,
  },
  'Ban hành Quy chế quản lý, sử dụng tài sản công': {
    ev: [{ doc: 'qdQuyCheTaiSan', loc: 'Điều 1 và Quy chế kèm theo' }],
    text: (c) => `${c.unit} ban hành Quy chế quản lý, sử dụng tài sản công tại ${c.cite()}.`,
    zero: (c) => `${c.unit} chưa ban hành Quy chế quản lý, sử dụng tài sản công theo quy định mới nên tự chấm 0 điểm.`,
  },
  'Báo cáo kê khai, công khai tài sản công': {
    ev: [{ doc: 'baoCaoTaiSan', loc: 'Mục I và Mục II' }], noZero: true,
    text: (c) => c.level === 'full'
      ? `Số liệu đến ngày 30/11/${c.Y}: ${c.unit} đã kê khai đầy đủ tài sản công trên Cơ sở dữ liệu quốc gia về tài sản công và công khai đúng hạn. Minh chứng tại ${c.cite()}.`
      : `Số liệu đến ngày 30/11/${c.Y}: ${c.unit} đã kê khai đầy đủ tài sản công trên Cơ sở dữ liệu quốc gia nhưng công khai chậm so với thời hạn. Minh chứng tại ${c.cite()}.`,
  },

  // ----- 7. Chính quyền điện tử, chính quyền số
  'Tỉ lệ văn bản đi được ký số, gửi trên môi trường điện tử': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 1, Mục I và Phụ lục 01', stats: true }],
    fig: (c) => ({ den: c.meta.staff * (c.district ? c.r.int(65, 95) : c.r.int(38, 62)) + c.r.int(0, 60) }),
    text: (c) => `Năm ${c.Y}, ${c.unit} phát hành ${c.den} văn bản đi (trừ văn bản mật), trong đó ${c.num} văn bản được ký số và gửi trên Hệ thống quản lý văn bản và điều hành, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Sử dụng hệ thống thư điện tử công vụ': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 2, Mục I' }],
    text: (c) => `100% cán bộ, công chức của ${c.unit} được cấp và sử dụng thư điện tử công vụ trong công việc. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Còn một số công chức chưa sử dụng thư điện tử công vụ thường xuyên nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Tổ chức họp trực tuyến, hội nghị truyền hình': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 3, Mục I' }],
    text: (c) => c.district
      ? `Hệ thống hội nghị truyền hình được kết nối đến ${c.meta.communes}/${c.meta.communes} đơn vị cấp xã; năm ${c.Y} tổ chức ${c.r.int(18, 40)} cuộc họp trực tuyến. Minh chứng tại ${c.cite()}.`
      : `Năm ${c.Y}, ${c.unit} tổ chức và tham gia ${c.r.int(12, 30)} cuộc họp trực tuyến trên hệ thống hội nghị truyền hình của tỉnh. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Hệ thống họp trực tuyến chưa được kết nối đầy đủ nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Cập nhật số liệu trên Hệ thống thông tin báo cáo của tỉnh': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 4, Mục I' }],
    text: (c) => { const k = c.r.int(14, 32); return c.level === 'full'
      ? `${k}/${k} chế độ báo cáo được giao đã được ${c.unit} cập nhật đầy đủ, đúng hạn trên Hệ thống thông tin báo cáo của tỉnh. Minh chứng tại ${c.cite()}.`
      : `${k}/${k} chế độ báo cáo được giao đã được cập nhật trên Hệ thống, trong đó ${c.r.int(1, 3)} báo cáo cập nhật chậm. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `${c.unit} chưa cập nhật các chế độ báo cáo trên Hệ thống thông tin báo cáo của tỉnh nên tự chấm 0 điểm.`,
  },
  'Tỉ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 1, Mục II và Phụ lục 02', stats: true }, { doc: 'qdDVCTT', loc: 'Phụ lục I' }],
    fig: (c) => ({ den: Math.round(c.meta.procedures * (0.45 + c.r.next() * 0.15)) }),
    text: (c) => `Trong ${c.den} TTHC đủ điều kiện, ${c.num} TTHC của ${c.unit} được cung cấp dịch vụ công trực tuyến toàn trình (đạt ${c.pct}) theo Phụ lục I, ${c.ref('qdDVCTT')}. Bảng thống kê tại Khoản 1, Mục II và Phụ lục 02, ${c.refShort('baoCaoCNTT')}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tỉ lệ hồ sơ TTHC được tiếp nhận trực tuyến': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 2, Mục II và Phụ lục 02', stats: true }],
    fig: (c) => ({ den: Math.round(c.meta.volume * (0.8 + c.r.next() * 0.1)), topMax: 79 }),
    text: (c) => `Năm ${c.Y}, trong ${c.den} hồ sơ của các TTHC có cung cấp dịch vụ công trực tuyến, có ${c.num} hồ sơ nộp trực tuyến, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Tỉ lệ hồ sơ TTHC cấp xã được tiếp nhận trực tuyến': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 3, Mục II và Phụ lục 02', stats: true }],
    fig: (c) => ({ den: Math.round((c.f.communeFilesResolved ?? 12000) * (0.8 + c.r.next() * 0.1)), topMax: 75 }),
    text: (c) => `Năm ${c.Y}, ${c.meta.communes} đơn vị cấp xã tiếp nhận ${c.den} hồ sơ, trong đó ${c.num} hồ sơ nộp trực tuyến, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },
  'Tích hợp dịch vụ công trực tuyến lên Cổng Dịch vụ công quốc gia': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 4, Mục II' }],
    text: (c) => `100% dịch vụ công trực tuyến của ${c.unit} được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Còn ${c.r.int(2, 6)} dịch vụ công trực tuyến của ${c.unit} chưa tích hợp lên Cổng Dịch vụ công quốc gia nên tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không có TTHC thuộc phạm vi chức năng quản lý nên đề nghị không áp dụng tiêu chí này.`,
  },
  'Sử dụng Hệ thống thông tin giải quyết TTHC tại cấp huyện, cấp xã': {
    ev: [{ doc: 'baoCaoKSTTHC', loc: 'Khoản 7, Mục III' }],
    text: (c) => `100% hồ sơ TTHC cấp huyện và của ${c.meta.communes}/${c.meta.communes} đơn vị cấp xã được tiếp nhận, xử lý, trả kết quả trên Hệ thống thông tin giải quyết TTHC của tỉnh. Minh chứng tại ${c.cite()}.`,
    zero: (c) => `Còn hồ sơ TTHC cấp xã xử lý ngoài Hệ thống nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Triển khai nhiệm vụ của Đề án 06 được giao': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Mục III' }],
    text: (c) => { const k = c.r.int(8, 18); return c.level === 'full'
      ? `${c.unit} hoàn thành đúng hạn ${k}/${k} nhiệm vụ Đề án 06 được giao năm ${c.Y}. Minh chứng tại ${c.cite()}.`
      : `${c.unit} hoàn thành ${k}/${k} nhiệm vụ Đề án 06 được giao năm ${c.Y}, trong đó ${c.r.int(1, 3)} nhiệm vụ hoàn thành chậm. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `${c.unit} chưa hoàn thành các nhiệm vụ Đề án 06 được giao nên tự chấm 0 điểm.`,
  },
  'Ban hành Kế hoạch chuyển đổi số năm': {
    ev: [{ doc: 'keHoachCDS', loc: 'Mục II' }], noZero: true,
    text: (c) => `${c.unit} ban hành ${c.refShort('keHoachCDS')}, gồm ${c.f.dxTasksPlanned} nhiệm vụ tại Mục II của Kế hoạch.`,
  },
  'Mức độ thực hiện Kế hoạch chuyển đổi số': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Mục IV và Phụ lục 03', stats: true }],
    fig: (c) => ({ den: c.r.int(10, 24), exact: true }),
    text: (c) => `${c.unit} đã hoàn thành ${c.num}/${c.den} nhiệm vụ chuyển đổi số năm ${c.Y}, đạt ${c.pct} kế hoạch. Minh chứng tại ${c.cite()}.`,
  },
  'Bảo đảm an toàn thông tin mạng': {
    ev: [{ doc: 'qdCapDo', loc: 'Điều 1' }],
    text: (c) => `Hệ thống thông tin của ${c.unit} được phê duyệt cấp độ 2 tại ${c.cite()}; năm ${c.Y} không để xảy ra sự cố mất an toàn thông tin.`,
    zero: (c) => `Hệ thống thông tin của ${c.unit} chưa được phê duyệt cấp độ an toàn thông tin nên tự chấm 0 điểm.`,
  },
  'Tổ công nghệ số cộng đồng': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 2, Mục IV' }],
    text: (c) => { const k = (c.meta.communes ?? 10) * c.r.int(9, 14); return `Đã thành lập ${k}/${k} Tổ công nghệ số cộng đồng tại 100% xóm, tổ dân phố, duy trì hoạt động hằng tháng. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `Còn ${c.r.int(3, 12)} xóm, tổ dân phố chưa thành lập Tổ công nghệ số cộng đồng nên ${c.unit} tự chấm 0 điểm.`,
  },
  'Bồi dưỡng kỹ năng số cho công chức, viên chức': {
    ev: [{ doc: 'baoCaoCNTT', loc: 'Khoản 3, Mục IV và Phụ lục 04', stats: true }],
    fig: (c) => ({ den: c.meta.staff + c.r.int(5, 40) }),
    text: (c) => `Năm ${c.Y}, ${c.num}/${c.den} cán bộ, công chức, viên chức của ${c.unit} được bồi dưỡng kỹ năng số, đạt ${c.pct}. Minh chứng tại ${c.cite()}.`,
  },

  // ----- 8. Tác động
  'Mức độ thực hiện các chỉ tiêu phát triển ngành, lĩnh vực được giao': {
    ev: [{ doc: 'baoCaoKTXH', loc: 'Mục I và Phụ lục', stats: true }],
    fig: (c) => ({ den: c.r.int(4, 11), exact: true }),
    text: (c) => `Năm ${c.Y}, ${c.unit} được giao ${c.den} chỉ tiêu phát triển kinh tế - xã hội; ước thực hiện đạt, vượt ${c.num}/${c.den} chỉ tiêu (${c.pct}). Minh chứng tại ${c.cite()}.`,
  },
  'Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội của địa phương': {
    ev: [{ doc: 'baoCaoKTXH', loc: 'Mục I và Phụ lục 01', stats: true }],
    fig: (c) => ({ den: c.r.int(18, 30), exact: true }),
    text: (c) => `Nghị quyết của HĐND về kế hoạch phát triển kinh tế - xã hội năm ${c.Y} đề ra ${c.den} chỉ tiêu; ước thực hiện đạt, vượt ${c.num}/${c.den} chỉ tiêu (${c.pct}). Minh chứng tại ${c.cite()}.`,
  },
  'Thu ngân sách nhà nước trên địa bàn so với dự toán': {
    ev: [{ doc: 'baoCaoKTXH', loc: 'Khoản 3, Mục I và Phụ lục 02', stats: true }],
    fig: (c) => ({ den: c.meta.revenue ?? 100000, topMax: 124 }),
    text: (c) => `Dự toán thu ngân sách nhà nước trên địa bàn năm ${c.Y} là ${c.den} triệu đồng; ước thực hiện ${c.num} triệu đồng, đạt ${c.pct} dự toán. Minh chứng tại ${c.cite()}.`,
  },
  'Kết quả xây dựng nông thôn mới, đô thị văn minh': {
    ev: [{ doc: 'baoCaoNTM', loc: 'Mục I' }],
    text: (c) => (c.meta.city
      ? `Năm ${c.Y}, có thêm ${c.r.int(2, 5)} phường đạt chuẩn đô thị văn minh${c.level === 'full' ? ', vượt kế hoạch năm' : ', đạt 80% kế hoạch năm'}. Minh chứng tại ${c.cite()}.`
      : `Năm ${c.Y}, có thêm ${c.r.int(1, 3)} xã đạt chuẩn nông thôn mới nâng cao và ${c.r.int(3, 9)} xóm đạt chuẩn nông thôn mới kiểu mẫu${c.level === 'full' ? ', đạt kế hoạch năm' : ', đạt 80% kế hoạch năm'}. Minh chứng tại ${c.cite()}.`),
    zero: (c) => `Kết quả xây dựng nông thôn mới năm ${c.Y} của ${c.unit} đạt dưới 80% kế hoạch nên tự chấm 0 điểm.`,
  },
  'Thực hiện nhiệm vụ cải thiện môi trường đầu tư, kinh doanh được giao': {
    ev: [{ doc: 'baoCaoPCI', loc: 'Mục II' }],
    text: (c) => { const k = c.r.int(5, 12); return c.level === 'full'
      ? `${c.unit} hoàn thành ${k}/${k} nhiệm vụ được giao tại Kế hoạch cải thiện PCI, DDCI năm ${c.Y} của tỉnh. Minh chứng tại ${c.cite()}.`
      : `${c.unit} hoàn thành ${k - 2}/${k} nhiệm vụ được giao tại Kế hoạch cải thiện PCI, DDCI năm ${c.Y} của tỉnh. Minh chứng tại ${c.cite()}.`; },
    zero: (c) => `${c.unit} chưa báo cáo kết quả thực hiện nhiệm vụ cải thiện PCI, DDCI nên tự chấm 0 điểm.`,
  },
  'Kết quả chỉ số thành phần do đơn vị chủ trì cải thiện': {
    ev: [{ doc: 'baoCaoPCI', loc: 'Mục III' }],
    text: (c) => `${c.meta.chiSo ?? 'Chỉ số thành phần'} do ${c.unit} chủ trì năm ${c.Y - 1} tăng ${c.n(c.r.int(5, 60) / 100)} điểm so với năm ${c.Y - 2}. Phân tích tại ${c.cite()}.`,
    zero: (c) => `${c.meta.chiSo ?? 'Chỉ số thành phần'} do ${c.unit} chủ trì năm ${c.Y - 1} giảm điểm so với năm ${c.Y - 2} nên tự chấm 0 điểm.`,
    na: (c) => `${c.unit} không được giao chủ trì chỉ số thành phần nào nên đề nghị không áp dụng tiêu chí này.`,
  },
};
