// Site build benchmark: a synthetic province of 120 units × 3 years and one of 2,000 units × 1
// year, each built with `astro build` in a child process (wall time, peak RSS), plus the gzip
// size of the 120-unit results page. Goals: ≤ 30 s and ≤ 120 s, ≤ 2 GB, ≤ 60 KB.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateProvince } from './synthetic.js';

interface Measured {
  seconds: number;
  peakMb: number | null;
  log: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs `npm run site:build` (the command users run, with its heap setting) and measures it. Peak
 * RSS: GNU time's figure (the largest process of the tree) when installed, else the largest
 * VmHWM among the process's descendants, sampled from /proc.
 */
async function measureBuild(root: string, contentRoot: string, outDir: string): Promise<Measured> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = [npm, 'run', '--silent', 'site:build', '--', '--silent'];
  const useTime = existsSync(TIME);
  const [cmd, ...args] = useTime ? [TIME, '-v', ...build] : build;
  const started = performance.now();
  const child = spawn(cmd!, args, {
    cwd: root,
    env: { ...process.env, PARINDEX_CONTENT_ROOT: contentRoot, PARINDEX_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let hwm = 0;
  const poll = useTime || !existsSync('/proc') ? null : setInterval(() => { hwm = Math.max(hwm, treeHighWater(child.pid!)); }, 200);
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`astro build thất bại (mã ${code}):\n${log.slice(-3000)}`);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log);
  const kb = maxRss ? Number(maxRss[1]) : hwm;
  return { seconds, peakMb: kb ? Math.round(kb / 1024) : null, log };
}

/** Largest VmHWM (kB) of `pid` and its descendants. */
function treeHighWater(pid: number): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  let max = 0;
  for (const p of parent.keys()) {
    let q: number | undefined = p;
    while (q && q !== pid) q = parent.get(q);
    if (q !== pid) continue;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
    } catch { /* gone */ }
  }
  return max;
}

export async function benchSite(opts: { dir: string; log: (line: string) => void; root?: string }): Promise<Record<string, number>> {
  const root = resolve(opts.root ?? process.cwd());
  const figures: Record<string, number> = {};
  const cases = [
    { name: '120x3', units: 120, years: [2021, 2022, 2023], goal: 30 },
    { name: '2000x1', units: 2000, years: [2023], goal: 120 },
  ];
  for (const c of cases) {
    const contentRoot = join(opts.dir, c.name);
    // Inside the project: Astro writes prerender chunks to <project>/.astro/ for outDirs outside it.
    const outDir = join(root, '.bench', 'site-out', c.name);
    await rm(contentRoot, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    await mkdir(contentRoot, { recursive: true });
    const gen = await generateProvince({ root, dir: contentRoot, units: c.units, years: c.years });
    opts.log(`${c.name}: đã sinh ${gen.files} tệp (${Math.round(gen.bytes / 1e6)} MB) tại ${contentRoot}`);
    const m = await measureBuild(root, contentRoot, outDir);
    const line = m.log.split('\n').find((l) => l.includes('[parindex] Đã đọc dữ liệu'));
    if (line) opts.log(`  ${line.trim()}`);
    opts.log(`  astro build: ${m.seconds.toFixed(1)} s (mục tiêu ≤ ${c.goal} s), bộ nhớ đỉnh ${m.peakMb ?? '?'} MB (mục tiêu ≤ 2048 MB)`);
    figures[`build_${c.name}_s`] = Math.round(m.seconds * 10) / 10;
    if (m.peakMb !== null) figures[`peak_rss_${c.name}_mb`] = m.peakMb;
    const results = join(outDir, 'ket-qua', String(c.years[c.years.length - 1]), 'index.html');
    if (existsSync(results)) {
      const html = readFileSync(results);
      const kb = Math.round((gzipSync(html).length / 1024) * 10) / 10;
      figures[`results_page_${c.units}_units_gzip_kb`] = kb;
      opts.log(`  trang kết quả ${c.units} đơn vị: ${Math.round(html.length / 1024)} KB HTML, ${kb} KB gzip${c.units === 120 ? ' (mục tiêu ≤ 60 KB)' : ''}`);
    }
    await rm(outDir, { recursive: true, force: true });
  }
  return figures;
}
