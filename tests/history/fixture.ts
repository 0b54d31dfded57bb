// Builds git repositories with native git for the history tests, with explicit dates and
// identities, and asks native git the questions the module must answer the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const BASE_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  LANG: 'C',
  TZ: 'UTC',
};

export interface Who {
  name: string;
  email: string;
}

export const ALICE: Who = { name: 'Nguyễn Thị An', email: 'an@sonoivu.gov.vn' };
export const BINH: Who = { name: 'Trần Văn Bình', email: 'binh@sotuphap.gov.vn' };
export const GITHUB: Who = { name: 'GitHub', email: 'noreply@github.com' };

export class GitFixture {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'parindex-history-'));
    if (!dir) {
      this.git(['init', '-q', '-b', 'main']);
      this.git(['config', 'user.name', 'Test']);
      this.git(['config', 'user.email', 'test@example.org']);
      this.git(['config', 'commit.gpgsign', 'false']);
    }
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...BASE_ENV, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  }

  write(path: string, content: string | Buffer): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path));
  }

  private identity(date: string, author: Who, committer: Who): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email, GIT_COMMITTER_DATE: date,
    };
  }

  /** Commits everything in the working tree; returns the new commit id. */
  commit(message: string, date: string, author: Who = ALICE, committer: Who = author): string {
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], this.identity(date, author, committer));
    return this.head();
  }

  /** `git merge --no-ff` of `branch` into the current branch with the given message. */
  merge(branch: string, message: string, date: string, committer: Who = GITHUB, author: Who = committer): string {
    this.git(['merge', '-q', '--no-ff', '-m', message, branch], this.identity(date, author, committer));
    return this.head();
  }

  /** `git merge --squash` then one commit: what GitHub's squash button produces. */
  squash(branch: string, message: string, date: string, author: Who, committer: Who = GITHUB): string {
    this.git(['merge', '-q', '--squash', branch]);
    return this.commit(message, date, author, committer);
  }

  revert(sha: string, date: string, who: Who = ALICE): string {
    this.git(['revert', '--no-edit', sha], this.identity(date, who, who));
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  // ---- native answers ----

  /** Commits of main's first-parent chain that changed `path`, newest first. */
  nativePathLog(path: string, ref = 'main'): string[] {
    return this.git(['log', '--first-parent', '--format=%H', ref, '--', path]).split('\n').filter(Boolean);
  }

  /** The last first-parent commit with committer date ≤ `at` (seconds). */
  nativeUntil(at: Date, ref = 'main'): string | null {
    const out = this.git(['rev-list', '-1', '--first-parent', `--until=${Math.floor(at.getTime() / 1000)}`, ref]).trim();
    return out || null;
  }

  nativeShow(sha: string, path: string): Buffer | null {
    try {
      return execFileSync('git', ['show', `${sha}:${path}`], { cwd: this.dir, env: BASE_ENV, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return null;
    }
  }

  nativeLsTree(sha: string, dir: string): string[] {
    return this.git(['ls-tree', '-r', '--name-only', sha, '--', dir]).split('\n').filter(Boolean).sort();
  }

  /** `git log --first-parent --name-status` under `dir`: commit → sorted "S\tpath" lines (no rename detection). */
  nativeChanges(dir: string, ref = 'main'): Map<string, string[]> {
    const out = this.git(['log', '--first-parent', '--no-renames', '--name-status', '--format=@%H', ref, '--', dir]);
    const map = new Map<string, string[]>();
    let current = '';
    for (const line of out.split('\n')) {
      if (line.startsWith('@')) {
        current = line.slice(1);
        map.set(current, []);
      } else if (line.trim()) {
        map.get(current)!.push(line.trim());
      }
    }
    for (const v of map.values()) v.sort();
    return map;
  }

  nativeCommitTime(sha: string): number {
    return Number(this.git(['log', '-1', '--format=%ct', sha]).trim());
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const CAMPAIGN_2023 = `year: 2023
title: "Xác định Chỉ số CCHC năm 2023"
province: "Thái Nguyên"
timezone: Asia/Ho_Chi_Minh
groups:
  - id: so-ban-nganh
    name: "Sở, ban, ngành"
    framework: so-ban-nganh-2023
phases:
  - id: tu-danh-gia
    kind: self-assessment
    name: "Tự đánh giá, chấm điểm"
    start: "2023-11-01T07:00"
    end: "2023-11-17T17:00"
  - id: giai-trinh-1
    kind: explanation
    round: 1
    name: "Giải trình đợt 1"
    start: "2023-11-20T07:00"
    end: "2023-11-30T17:00"
dataCutoff: "2023-12-10"
bands:
  - id: tot
    name: "Tốt"
    min: 80
publication:
  status: unpublished
`;

export interface ItemSpec {
  code: string;
  score: number;
  explanation?: string;
  evidence?: { number: string; file?: string; title?: string }[];
}

/** A self-assessment YAML text. */
export function selfAssessment(unit: string, items: ItemSpec[], preparedBy = 'Nguyễn Thị An'): string {
  const lines = [`unit: ${unit}`, 'year: 2023', 'framework: so-ban-nganh-2023', 'preparedBy:', `  name: "${preparedBy}"`, 'items:'];
  for (const it of items) {
    lines.push(`  - code: "${it.code}"`, `    score: ${it.score}`);
    lines.push(`    explanation: "${it.explanation ?? `Đã thực hiện tiêu chí ${it.code}, Khoản 1, Mục I, Báo cáo số 55/UBND-BC.`}"`);
    if (it.evidence?.length) {
      lines.push('    evidence:');
      for (const e of it.evidence) {
        lines.push(`      - number: "${e.number}"`, '        date: "2023-10-12"', '        issuer: "UBND"', `        title: "${e.title ?? 'Báo cáo'}"`);
        if (e.file) lines.push(`        file: "${e.file}"`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
