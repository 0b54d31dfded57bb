// core/paths.ts: the one canonical-path test the gate, the portal and the rules share.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalPath, pathProblemMessage } from '../../scripts/core/paths.js';

describe('canonicalPath', () => {
  it('accepts plain repository paths, Vietnamese names in NFC included', () => {
    for (const p of ['content/access.yaml', 'content/evidence/2023/so-y-te/báo-cáo.pdf', '.github/workflows/check.yml', 'a/.gitkeep', 'a/.github']) {
      expect(canonicalPath(p), p).toEqual({ ok: true, path: p });
    }
  });

  it.each([
    ['', 'empty'], ['content/../x', 'dot-segment'], ['./content/x', 'dot-segment'], ['content/./x', 'dot-segment'],
    ['content//x', 'empty-segment'], ['content/x/', 'empty-segment'], ['/etc/passwd', 'absolute'], ['C:/x', 'absolute'],
    ['content\\x', 'backslash'], ['content/x\u0000.pdf', 'control-char'], ['content/a\nb', 'control-char'],
    ['.git/hooks/pre-commit', 'git-segment'], ['content/.GIT/config', 'git-segment'], ['content/.git./x', 'git-segment'],
    ['content/.git /x', 'git-segment'], ['GIT~1/config', 'git-segment'], ['content/ba\u0301o.pdf', 'not-nfc'],
    ['a/'.repeat(600), 'too-long'],
  ])('refuses %j (%s)', (path, problem) => {
    expect(canonicalPath(path)).toEqual({ ok: false, problem });
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 3, {}, ['content/x']]) expect(canonicalPath(v).ok).toBe(false);
  });

  it('never accepts a path that resolving would change (property)', () => {
    const seg = fc.constantFrom('content', 'a', '.', '..', '', '.git', 'x.pdf', 'so-y-te', 'b\\c');
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 6 }), (segs) => {
      const path = segs.join('/');
      const resolved = new URL(path, 'file:///r/o/o/t/x/y/z/').pathname.slice('/r/o/o/t/x/y/z/'.length);
      if (canonicalPath(path).ok) expect(resolved).toBe(path);
    }));
  });

  it('says in Vietnamese what is wrong, with control characters made visible', () => {
    expect(pathProblemMessage('a/../b', 'dot-segment')).toBe('Đường dẫn “a/../b” không hợp lệ: đường dẫn chứa “.” hoặc “..”. Mỗi tệp phải nằm đúng thư mục của đơn vị, viết bằng đường dẫn đầy đủ không có “..”.');
    expect(pathProblemMessage('a\nb', 'control-char')).toContain('“a\\nb”');
  });
});
