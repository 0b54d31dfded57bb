// The one test of a repository path's shape, used by the gate, the local portal's judge and the
// rules (docs/security.md §Paths). A path that is not already canonical is refused, never
// repaired: repairing would judge one file while git or decap-server writes another
// (`ban-dan-toc/../huyen-dai-tu/x.pdf` is judged as ban-dan-toc's and lands in huyen-dai-tu's folder).

export type PathProblem =
  | 'empty' | 'too-long' | 'not-nfc' | 'control-char' | 'backslash' | 'absolute'
  | 'empty-segment' | 'dot-segment' | 'git-segment';

export type CanonicalPath = { ok: true; path: string } | { ok: false; problem: PathProblem };

/** git and most file systems stop at 4096; a real content path is far shorter. */
export const MAX_PATH_LENGTH = 1024;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * `.git` in any case, also with the trailing dots or spaces Windows drops (".git.", ".GIT ") and
 * its 8.3 short name: git itself refuses these in trees (fsck's `hasDotgit`).
 */
function isGitSegment(seg: string): boolean {
  const bare = seg.replace(/[. ]+$/, '').toLowerCase();
  return bare === '.git' || bare === 'git~1';
}

export function canonicalPath(path: unknown): CanonicalPath {
  if (typeof path !== 'string' || path.length === 0) return { ok: false, problem: 'empty' };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, problem: 'too-long' };
  if (CONTROL.test(path)) return { ok: false, problem: 'control-char' };
  if (path.includes('\\')) return { ok: false, problem: 'backslash' };
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return { ok: false, problem: 'absolute' };
  if (path.normalize('NFC') !== path) return { ok: false, problem: 'not-nfc' };
  for (const seg of path.split('/')) {
    if (seg === '') return { ok: false, problem: 'empty-segment' };
    if (seg === '.' || seg === '..') return { ok: false, problem: 'dot-segment' };
    if (isGitSegment(seg)) return { ok: false, problem: 'git-segment' };
  }
  return { ok: true, path };
}

export function isCanonicalPath(path: unknown): path is string {
  return canonicalPath(path).ok;
}

const PROBLEMS: Record<PathProblem, string> = {
  empty: 'đường dẫn trống',
  'too-long': `đường dẫn dài quá ${MAX_PATH_LENGTH} ký tự`,
  'not-nfc': 'tên tệp chưa chuẩn hóa Unicode (NFC): gõ lại tên tệp',
  'control-char': 'đường dẫn chứa ký tự điều khiển',
  backslash: 'đường dẫn chứa dấu “\\”',
  absolute: 'đường dẫn tuyệt đối (bắt đầu bằng “/” hoặc ổ đĩa)',
  'empty-segment': 'đường dẫn có đoạn trống (“//” hoặc “/” ở cuối)',
  'dot-segment': 'đường dẫn chứa “.” hoặc “..”',
  'git-segment': 'đường dẫn trỏ vào thư mục .git',
};

/** Vietnamese: why `shown` is refused. The path is quoted with control characters made visible. */
export function pathProblemMessage(shown: unknown, problem: PathProblem): string {
  const text = typeof shown === 'string' ? JSON.stringify(shown.slice(0, 200)).slice(1, -1) : String(shown);
  return `Đường dẫn “${text}” không hợp lệ: ${PROBLEMS[problem]}. Mỗi tệp phải nằm đúng thư mục của đơn vị, viết bằng đường dẫn đầy đủ không có “..”.`;
}
