// Builds the benchmark repository for the history module with native `git fast-import`: one
// stream, one pack, a few seconds, where 5,000 `git commit` calls would take minutes. The shape
// follows a real campaign: a bulk import, then units sending their files through pull requests
// (merge commits and squash merges) or direct commits, a few minutes apart, some after the lock.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRepoOptions {
  dir: string;
  commits?: number;
  units?: number;
  year?: number;
  /** Units created by the first commit (a bulk import); the rest arrive one per commit. */
  bootstrapUnits?: number;
}

export interface BenchRepo {
  dir: string;
  commits: number;
  units: number;
  year: number;
  /** The self-assessment lock, 17:00 on 17/11 local time, as an instant. */
  lock: Date;
}

/** Deterministic PRNG (mulberry32): the same repository on every run, so figures compare. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unitId(i: number): string {
  return `don-vi-${String(i).padStart(4, '0')}`;
}

function selfAssessment(unit: string, year: number, version: number, rand: () => number): string {
  const items: string[] = [];
  for (let k = 1; k <= 6; k++) {
    const score = Math.round(rand() * 4) / 2;
    items.push(`  - code: "1.${k}"\n    score: ${score}\n    explanation: "Phiên bản ${version}: đã thực hiện ${Math.floor(rand() * 30)}/30 nhiệm vụ, Khoản ${k}, Mục I, Báo cáo số ${k}/UBND-BC."\n    evidence:\n      - number: "${k}/UBND-BC"\n        date: "${year}-10-0${1 + (k % 9)}"\n        issuer: "UBND"\n        title: "Báo cáo"\n        file: "bao-cao-${k}.pdf"\n`);
  }
  return `unit: ${unit}\nyear: ${year}\nframework: so-ban-nganh-${year}\npreparedBy:\n  name: "Nguyễn Văn A"\nitems:\n${items.join('')}`;
}

function campaign(year: number): string {
  return `year: ${year}\ntitle: "Chỉ số CCHC năm ${year}"\nprovince: "Thái Nguyên"\ntimezone: Asia/Ho_Chi_Minh\n` +
    `groups:\n  - id: so-ban-nganh\n    name: "Sở, ban, ngành"\n    framework: so-ban-nganh-${year}\n` +
    `phases:\n  - id: tu-danh-gia\n    kind: self-assessment\n    name: "Tự đánh giá"\n    start: "${year}-11-01T07:00"\n    end: "${year}-11-17T17:00"\n` +
    `dataCutoff: "${year}-12-10"\nbands:\n  - id: tot\n    name: "Tốt"\n    min: 80\npublication:\n  status: unpublished\n`;
}

function git(dir: string, args: string[], input?: string | Buffer): string {
  const r = spawnSync('git', args, { cwd: dir, input, encoding: 'buffer', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout.toString();
}

/** Generates the repository in `dir` (emptied first). */
export function generateBenchRepo(opts: BenchRepoOptions): BenchRepo {
  const { dir, commits = 5000, units = 4000, year = 2023 } = opts;
  const bootstrap = Math.min(opts.bootstrapUnits ?? 1000, units);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const rand = rng(20231117);
  const chunks: Buffer[] = [];
  const push = (s: string | Buffer) => chunks.push(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
  const data = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    push(`data ${b.length}\n`);
    push(b);
    push('\n');
  };
  const folder = `content/self-assessments/${year}`;
  // 01/11 07:00 local → 18/11 12:00 local: the lock (17/11 17:00) falls about 95 % of the way.
  const start = Date.UTC(year, 10, 1, 0, 0, 0) / 1000;
  const end = Date.UTC(year, 10, 18, 5, 0, 0) / 1000;
  const step = (end - start) / commits;
  let t = start;
  let mark = 0;
  let made = 0;
  let prev = 0;
  let pr = 0;
  let nextUnit = bootstrap;
  const versions = new Array<number>(units).fill(0);
  const who = (i: number) => `Can bo ${i % 97} <cb${i % 97}@example.gov.vn>`;
  const stamp = () => `${Math.floor(t)} +0700`;
  const modify = (i: number): string => {
    versions[i]! += 1;
    const text = selfAssessment(unitId(i), year, versions[i]!, rand);
    push(`M 100644 inline ${folder}/${unitId(i)}.yaml\n`);
    data(text);
    return text;
  };
  const pick = () => (nextUnit < units ? nextUnit++ : Math.floor(rand() * units));

  // The bulk import: the campaign and the first units.
  mark += 1;
  push(`commit refs/heads/main\nmark :${mark}\nauthor ${who(0)} ${stamp()}\ncommitter ${who(0)} ${stamp()}\n`);
  data('Nhập dữ liệu ban đầu');
  push(`M 100644 inline content/campaigns/${year}.yaml\n`);
  data(campaign(year));
  for (let i = 0; i < bootstrap; i++) modify(i);
  push('\n');
  prev = mark;
  made = 1;

  while (made < commits) {
    t += step * (0.5 + rand());
    const kind = made + 2 <= commits ? rand() : 1;
    const unit = pick();
    if (kind < 0.2) {
      // A pull request merged with a merge commit: the branch commit, then the merge on main.
      pr += 1;
      mark += 1;
      const side = mark;
      push(`commit refs/heads/cms/${unitId(unit)}\nmark :${side}\nauthor ${who(unit)} ${stamp()}\ncommitter ${who(unit)} ${stamp()}\n`);
      data(`Cập nhật ${unitId(unit)}`);
      push(`from :${prev}\n`);
      const text = modify(unit);
      push('\n');
      t += 30;
      mark += 1;
      push(`commit refs/heads/main\nmark :${mark}\nauthor ${who(1)} ${stamp()}\ncommitter GitHub <noreply@github.com> ${stamp()}\n`);
      data(`Merge pull request #${pr} from org/cms/${unitId(unit)}\n\nCập nhật ${unitId(unit)}`);
      push(`from :${prev}\nmerge :${side}\n`);
      // The merge's tree is the branch's tree: repeat the change (fast-import wants it spelled out).
      push(`M 100644 inline ${folder}/${unitId(unit)}.yaml\n`);
      data(text);
      push('\n');
      made += 2;
    } else {
      mark += 1;
      const squash = kind < 0.6;
      if (squash) pr += 1;
      push(`commit refs/heads/main\nmark :${mark}\nauthor ${who(unit)} ${stamp()}\ncommitter ${squash ? 'GitHub <noreply@github.com>' : who(unit)} ${stamp()}\n`);
      data(squash ? `Cập nhật ${unitId(unit)} (#${pr})` : `Cập nhật ${unitId(unit)}`);
      push(`from :${prev}\n`);
      modify(unit);
      push('\n');
      made += 1;
    }
    prev = mark;
  }
  git(dir, ['fast-import', '--quiet', '--force'], Buffer.concat(chunks));
  // The branch side commits must stay reachable as in a clone, but the branches themselves go:
  // a clone of GitHub has only main.
  git(dir, ['for-each-ref', '--format=%(refname)', 'refs/heads/cms/']).split('\n').filter(Boolean)
    .forEach((ref) => git(dir, ['update-ref', '-d', ref]));
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  const lock = new Date(Date.UTC(year, 10, 17, 10, 0, 0));
  return { dir, commits: made, units, year, lock };
}

/** Appends `n` direct commits to main (one unit file each), for the incremental figure. */
export function appendCommits(repo: BenchRepo, n: number, seed = 7): void {
  const rand = rng(seed);
  const tip = git(repo.dir, ['rev-parse', 'refs/heads/main']).trim();
  const lastTime = Number(git(repo.dir, ['log', '-1', '--format=%ct', tip]).trim());
  const chunks: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const unit = unitId(Math.floor(rand() * repo.units));
    const text = Buffer.from(selfAssessment(unit, repo.year, 1000 + i, rand), 'utf8');
    const t = lastTime + 60 * (i + 1);
    chunks.push(Buffer.from(`commit refs/heads/main\nauthor Can bo <cb@example.gov.vn> ${t} +0700\ncommitter Can bo <cb@example.gov.vn> ${t} +0700\n` +
      `data 8\nBo sung\n${i === 0 ? `from ${tip}\n` : ''}M 100644 inline content/self-assessments/${repo.year}/${unit}.yaml\ndata ${text.length}\n`), text, Buffer.from('\n\n'));
  }
  git(repo.dir, ['fast-import', '--quiet'], Buffer.concat(chunks));
}

export interface BenchHistoryOptions {
  dir: string;
  log: (line: string) => void;
  units?: number;
  commits?: number;
  /** Also time the walk with isomorphic-git reading every object (slow: tens of seconds). */
  isomorphicGit?: boolean;
}

const ms = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Native git's wall and CPU time (user + system), best of two. CPU time is the steadier figure
 * on a shared machine; it needs bash's `time`, and is NaN without it.
 */
function timeNative(dir: string, args: string[]): { wall: number; cpu: number } {
  const runs: { wall: number; cpu: number }[] = [];
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const r = spawnSync('bash', ['-c', `TIMEFORMAT="%U %S"; time git ${quoted} >/dev/null`], { cwd: dir, encoding: 'utf8' });
    const wall = performance.now() - t0;
    if (r.status !== 0) {
      const plain = spawnSync('git', args, { cwd: dir, maxBuffer: 1 << 30 });
      if (plain.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${plain.stderr}`);
      runs.push({ wall: performance.now() - t0 - wall, cpu: NaN });
      continue;
    }
    const [u, sys] = r.stderr.trim().split(/\s+/).slice(-2).map(Number);
    runs.push({ wall, cpu: (u! + sys!) * 1000 });
  }
  return { wall: Math.round(Math.min(...runs.map((r) => r.wall))), cpu: Math.round(Math.min(...runs.map((r) => r.cpu))) };
}

/**
 * The history benchmark (`npm run bench -- --only history`): a generated repository of 5,000
 * commits over 4,000 unit files; the timeline of every unit plus the lock snapshot, cold (no
 * memo, new reader) and warm (memo on disk), next to native git on the same repository.
 */
export async function benchHistory(opts: BenchHistoryOptions): Promise<Record<string, number>> {
  const { openHistory } = await import('../core/history/index.js');
  const { dir, log } = opts;
  const units = opts.units ?? 4000;
  const commits = opts.commits ?? 5000;
  const repoDir = join(dir, 'repo');
  const memoDir = join(dir, 'memo');
  const marker = join(repoDir, '.git', 'parindex-bench.json');
  const params = JSON.stringify({ commits, units, version: 1 });
  let repo: BenchRepo;
  let generateMs = 0;
  if (existsSync(marker) && readFileSync(marker, 'utf8').startsWith(params)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8').slice(params.length)) as { tip: string };
    git(repoDir, ['update-ref', 'refs/heads/main', saved.tip]); // undo the previous run's appended commits
    repo = { dir: repoDir, commits, units, year: 2023, lock: new Date(Date.UTC(2023, 10, 17, 10, 0, 0)) };
  } else {
    const t0 = performance.now();
    repo = generateBenchRepo({ dir: repoDir, commits, units });
    generateMs = ms(t0);
    writeFileSync(marker, params + JSON.stringify({ tip: git(repoDir, ['rev-parse', 'refs/heads/main']).trim() }));
    log(`Sinh kho thử: ${commits} commit, ${units} tệp đơn vị trong ${generateMs} ms (git fast-import)`);
  }
  const tip = git(repoDir, ['rev-parse', 'refs/heads/main']).trim();
  rmSync(memoDir, { recursive: true, force: true });
  const folder = `content/self-assessments/${repo.year}`;

  // One question: every unit's timeline plus the lock snapshot (opened and listed).
  const question = async (cacheDir: string | null, engine: 'fast' | 'isomorphic-git' = 'fast') => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const h = await openHistory(repoDir, { cacheDir, engine });
    const timeline = await h.timeline({ year: repo.year, at: repo.lock });
    const snap = await h.snapshotAt(repo.lock, { strict: true });
    const files = await snap!.source.list(folder);
    h.save();
    const cpu = process.cpuUsage(c0);
    return { ms: ms(t0), cpu: Math.round((cpu.user + cpu.system) / 1000), timeline, snap: snap!, files, history: h };
  };

  // Ours first, while this process has read nothing: the honest cold figure. Then twice more
  // (fresh reader, no memo, warm JIT): the median tames a busy machine.
  const cold = await question(null);
  const again = [await question(null), await question(null)];
  const changes = cold.timeline.units.reduce((n, u) => n + u.submissions.length, 0);
  log(`Dòng thời gian ${cold.timeline.units.length} đơn vị (${changes} lần nộp) + ảnh chụp lúc khóa (${cold.files.length} tệp), ` +
    `không bộ đệm: lần đầu ${cold.ms} ms (CPU ${cold.cpu} ms), lặp lại ${again.map((q) => q.ms).join(', ')} ms`);

  const nativeLog = timeNative(repoDir, ['log', '--first-parent', '--name-only', '--format=%H %ct', 'main']);
  const nativeLogPath = timeNative(repoDir, ['log', '--first-parent', '--name-only', '--format=%H %ct', 'main', '--', folder]);
  log(`git log --first-parent --name-only: ${nativeLog.wall} ms (CPU ${nativeLog.cpu} ms); giới hạn ${folder}: ${nativeLogPath.wall} ms (CPU ${nativeLogPath.cpu} ms)`);

  const firstMemo = await question(memoDir);
  const warm = await question(memoDir);
  log(`Có bộ đệm .cache/history: lần đầu (ghi bộ đệm) ${firstMemo.ms} ms, lần sau ${warm.ms} ms (CPU ${warm.cpu} ms)`);

  appendCommits(repo, 20);
  const incremental = await question(memoDir);
  log(`Sau 20 commit mới, dùng bộ đệm: ${incremental.ms} ms`);

  // Reading every file of the lock snapshot (what `score --at` does), next to git archive.
  let t0 = performance.now();
  let bytes = 0;
  for (const f of cold.files) bytes += (await cold.snap.source.read(f))!.length;
  const readAll = ms(t0);
  const nativeArchive = timeNative(repoDir, ['archive', '--format=tar', cold.snap.commit, folder]);
  log(`Đọc ${cold.files.length} tệp của ảnh chụp (${Math.round(bytes / 1024)} KB): ${readAll} ms; git archive: ${nativeArchive.wall} ms`);

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const figures: Record<string, number> = {
    commits: repo.commits,
    firstParentCommits: (await cold.history.chain()).chain.length,
    unitFiles: cold.files.length,
    submissions: changes,
    generateMs,
    nativeLogMs: nativeLog.wall,
    nativeLogCpuMs: nativeLog.cpu,
    nativeLogPathMs: nativeLogPath.wall,
    coldMs: cold.ms,
    coldCpuMs: cold.cpu,
    coldRepeatMedianMs: median(again.map((q) => q.ms)),
    coldVsNative: ratio(cold.ms, nativeLog.wall),
    coldCpuVsNativeCpu: ratio(cold.cpu, nativeLog.cpu),
    memoFirstMs: firstMemo.ms,
    warmMs: warm.ms,
    warmVsNative: ratio(warm.ms, nativeLog.wall),
    incremental20Ms: incremental.ms,
    snapshotReadAllMs: readAll,
    nativeArchiveMs: nativeArchive.wall,
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
  };
  if (opts.isomorphicGit) {
    const iso = await question(null, 'isomorphic-git');
    figures.isomorphicGitColdMs = iso.ms;
    log(`Cùng câu hỏi, mọi đối tượng đọc bằng isomorphic-git: ${iso.ms} ms`);
  }
  git(repoDir, ['update-ref', 'refs/heads/main', tip]);
  return figures;
}
