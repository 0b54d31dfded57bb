// Structural validation: the standalone ajv validators generated from schemas/, with the
// errors rewritten in Vietnamese and trimmed to the ones an officer can act on.
import * as validators from '../generated/validators.js';
import type { AjvError, ValidateFn } from '../generated/validators.js';
import type { Kind } from '../kinds.js';
import type { JsonPath, RawFinding } from '../findings.js';

const BY_KIND: Record<Kind, ValidateFn> = {
  unit: validators.unit,
  framework: validators.framework,
  campaign: validators.campaign,
  'self-assessment': validators.selfAssessment,
  access: validators.access,
  appraisal: validators.appraisal,
  survey: validators.survey,
};

const FIELD_NAMES: Record<string, string> = {
  id: 'mã', name: 'tên', shortName: 'tên ngắn', group: 'nhóm', github: 'tài khoản GitHub', activeFrom: 'ngày bắt đầu',
  activeTo: 'ngày kết thúc', code: 'mã tiêu chí', title: 'tiêu đề', max: 'điểm tối đa', children: 'tiêu chí con',
  method: 'phương pháp chấm', levels: 'mức điểm', measure: 'cách tính', score: 'điểm', condition: 'điều kiện',
  unit: 'đơn vị', year: 'năm', framework: 'bộ tiêu chí', preparedBy: 'người lập', items: 'danh sách tiêu chí',
  explanation: 'giải trình', evidence: 'tài liệu kiểm chứng', number: 'số ký hiệu', date: 'ngày', issuer: 'cơ quan ban hành',
  file: 'tệp', url: 'địa chỉ', sha256: 'mã băm SHA-256', locator: 'vị trí trích dẫn', figures: 'số liệu',
  notApplicable: 'không áp dụng', phases: 'giai đoạn', start: 'bắt đầu', end: 'kết thúc', bands: 'xếp loại',
  publication: 'công bố', decision: 'số quyết định', timezone: 'múi giờ', dataCutoff: 'ngày chốt số liệu',
  province: 'tỉnh', kind: 'loại', thresholds: 'ngưỡng', atLeast: 'ngưỡng tối thiểu', status: 'trạng thái',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự', number: 'số', integer: 'số nguyên', boolean: 'true hoặc false', object: 'một khối trường',
  array: 'một danh sách', null: 'để trống',
};

function field(name: string): string {
  // Own keys only: a field named "__proto__" or "toString" must not read Object.prototype.
  const vi = Object.hasOwn(FIELD_NAMES, name) ? FIELD_NAMES[name] : undefined;
  return vi ? `“${name}” (${vi})` : `“${name}”`;
}

export function pointerToPath(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(k) ? Number(k) : k;
  });
}

function message(e: AjvError, path: JsonPath): string | null {
  const last = path[path.length - 1];
  const here = typeof last === 'string' ? field(last) : 'Giá trị';
  const p = e.params;
  switch (e.keyword) {
    case 'required': return `Thiếu trường bắt buộc ${field(p.missingProperty)}.`;
    case 'additionalProperties': return `Trường ${field(p.additionalProperty)} không có trong mẫu dữ liệu (gõ sai tên trường?).`;
    case 'type': return `${here} phải là ${String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' hoặc ')}.`;
    case 'minimum': return `${here} không được nhỏ hơn ${fmt(p.limit)}.`;
    case 'maximum': return `${here} không được lớn hơn ${fmt(p.limit)}.`;
    case 'exclusiveMinimum': return `${here} phải lớn hơn ${fmt(p.limit)}.`;
    case 'minLength': return p.limit <= 1 ? `${here} không được để trống.` : `${here} quá ngắn (tối thiểu ${p.limit} ký tự).`;
    case 'maxLength': return `${here} quá dài (tối đa ${p.limit} ký tự).`;
    case 'minItems': return `${here} phải có ít nhất ${p.limit} phần tử.`;
    case 'maxItems': return `${here} có quá nhiều phần tử (tối đa ${p.limit}).`;
    case 'minProperties': return `${here} phải có ít nhất ${p.limit} trường.`;
    case 'uniqueItems': return `${here} có phần tử trùng nhau (vị trí ${p.j + 1} và ${p.i + 1}).`;
    case 'pattern': return `${here} không đúng định dạng${hint(e)}.`;
    case 'format': return p.format === 'date' ? `${here} không phải ngày hợp lệ (dạng YYYY-MM-DD, ví dụ "2023-11-17").` :
      p.format === 'email' ? `${here} không phải địa chỉ thư điện tử hợp lệ.` : `${here} không đúng định dạng ${p.format}.`;
    case 'enum': return `${here} phải là một trong: ${(p.allowedValues as unknown[]).map((v) => `“${v}”`).join(', ')}.`;
    case 'const': return `${here} phải là “${p.allowedValue}”.`;
    case 'oneOf':
      if (e.schemaPath.includes('/evidence/')) return 'Tài liệu kiểm chứng phải có đúng một trong hai trường “file” (tệp đính kèm) hoặc “url” (địa chỉ).';
      return `${here} không khớp đúng một dạng cho phép.`;
    case 'propertyNames': return `Tên trường ${field(String(p.propertyName))} không hợp lệ.`;
    case 'if': case 'not': case 'anyOf': return null;
    default: return `${here} không hợp lệ (${e.keyword}).`;
  }
}

function hint(e: AjvError): string {
  const s = e.schemaPath;
  if (/code/.test(s) || /"\^\[0-9\]/.test(String(e.params.pattern))) return String(e.params.pattern).startsWith('^[0-9]+(') ? ' (mã tiêu chí dạng 1.2.3)' : '';
  if (String(e.params.pattern).startsWith('^[a-z0-9]+(-')) return ' (chữ thường không dấu, số, nối bằng gạch ngang, ví dụ so-noi-vu)';
  if (String(e.params.pattern).startsWith('^\\d{4}-\\d{2}-\\d{2}$')) return ' (ngày dạng YYYY-MM-DD, đặt trong ngoặc kép)';
  if (String(e.params.pattern).startsWith('^\\d{4}-\\d{2}-\\d{2}T')) return ' (giờ địa phương dạng YYYY-MM-DDTHH:MM)';
  if (String(e.params.pattern).startsWith('^[0-9a-f]{64}')) return ' (64 ký tự hex chữ thường)';
  return '';
}

function fmt(n: number): string {
  return String(n).replace('.', ',');
}

export function validateSchema(kind: Kind, data: unknown, file: string): RawFinding[] {
  const validate = BY_KIND[kind];
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // oneOf reports its branches' errors too; keep only the oneOf summary for those.
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  // A date with both `pattern` and `format` fails twice for one mistake: say it once.
  const formats = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  for (const e of errors) {
    if (oneOfs.some((o) => e.schemaPath.startsWith(`${o.schemaPath}/`) && e.instancePath.startsWith(o.instancePath))) continue;
    if (e.keyword === 'pattern' && formats.has(e.instancePath)) continue;
    // propertyNames reports the failing name's pattern too: its own summary names the field.
    if (e.schemaPath.includes('/propertyNames/')) continue;
    // "a date or empty" (anyOf [date, null]): the date's message is the one to act on.
    if (e.keyword === 'type' && e.params.type === 'null' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'anyOf')) continue;
    const path = pointerToPath(e.instancePath);
    const text = message(e, path);
    if (!text) continue;
    const atKey = e.keyword === 'additionalProperties';
    const fullPath = atKey ? [...path, e.params.additionalProperty as string] : path;
    const key = `${fullPath.join('/')}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: 'schema', severity: 'error', file, path: fullPath, atKey, message: text, code: codeAt(data, path) });
  }
  return out;
}

/** The criterion code nearest to a path (an item or framework node), for the finding's `code`. */
export function codeAt(data: unknown, path: JsonPath): string | undefined {
  let node: any = data;
  let code: string | undefined;
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    node = node[step as any];
    if (node && typeof node === 'object' && typeof node.code === 'string') code = node.code;
  }
  return code;
}
