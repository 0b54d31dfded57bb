// `npm start`: the local portal (site, CMS, gated git backend) on fixed ports, until Ctrl+C.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateGate } from '../core/gate/index.js';
import { parseInstant } from '../core/time.js';
import { createClock } from '../portal/clock.js';
import { PortalError } from '../portal/errors.js';
import { defaultCloneDir, DEFAULT_BACKEND_PORT, DEFAULT_SITE_PORT, startPortal } from '../portal/index.js';
import { msg } from '../portal/messages.js';
import { parsePort } from '../portal/ports.js';
import { parseCliArgs, withUsage, type CliContext } from './context.js';

const USAGE = `Cách dùng: npm start [-- --reset] [--clone <thư mục>] [--backend-only] [--no-demo]

Chạy cổng thông tin cục bộ: trang công khai, trang quản trị (CMS) tại /admin/ và máy chủ git
cục bộ có cổng kiểm tra (quyền sở hữu, thời hạn, quy tắc chấm điểm) như CI.

Tùy chọn:
  --reset            xóa bản sao kho cũ rồi tạo lại từ commit hiện tại (HEAD) của kho này
  --clone <thư mục>  nơi đặt bản sao kho (mặc định .portal/repo)
  --backend-only     chỉ chạy máy chủ git cục bộ (không chạy trang và CMS)
  --no-demo          khi tạo bản sao, giữ nguyên lịch sử git thay vì dựng lại đợt đánh giá
                     mẫu năm 2023 như đã diễn ra đến đồng hồ của cổng

Biến môi trường:
  PARINDEX_NOW=2023-11-10T09:00+07:00   đặt đồng hồ của cổng (và của trang) tại thời điểm này
  PARINDEX_PORT=4321                    cổng của trang và CMS
  PARINDEX_BACKEND_PORT=8081            cổng của máy chủ git cục bộ
  PARINDEX_USER=<tài khoản>             người thao tác (mặc định: cán bộ của đơn vị có bài đang sửa)
  PARINDEX_TEAMS=<nhóm,nhóm>            các nhóm (team) GitHub của PARINDEX_USER
  PARINDEX_MAX_UPLOAD_MB=20             dung lượng tối đa của mỗi tệp tải lên (MB)`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, {
      reset: { type: 'boolean', default: false },
      clone: { type: 'string' },
      'backend-only': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      ctx.out(`${USAGE}\n`);
      return 0;
    }
    try {
      return await serve(ctx, { reset: values.reset ?? false, site: !values['backend-only'], demo: !values['no-demo'], ...(values.clone ? { clone: values.clone } : {}) });
    } catch (error) {
      if (error instanceof PortalError) {
        ctx.err(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  });
}

async function serve(ctx: CliContext, options: { reset: boolean; site: boolean; demo: boolean; clone?: string }): Promise<number> {
  const env = ctx.env;
  const sitePort = parsePort(env.PARINDEX_PORT, DEFAULT_SITE_PORT, 'PARINDEX_PORT');
  const backendPort = parsePort(env.PARINDEX_BACKEND_PORT, DEFAULT_BACKEND_PORT, 'PARINDEX_BACKEND_PORT');
  let start: Date | null = null;
  if (env.PARINDEX_NOW) {
    start = parseInstant(env.PARINDEX_NOW);
    if (!start) throw new PortalError(msg.nowInvalid(env.PARINDEX_NOW));
  }
  const clock = createClock(start);
  let maxUploadBytes: number | undefined;
  if (env.PARINDEX_MAX_UPLOAD_MB) {
    const mb = Number(env.PARINDEX_MAX_UPLOAD_MB);
    if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) throw new PortalError(msg.maxUploadInvalid(env.PARINDEX_MAX_UPLOAD_MB));
    maxUploadBytes = Math.round(mb * 1024 * 1024);
  }
  const cloneDir = options.clone ? resolve(ctx.root, options.clone) : defaultCloneDir(ctx.root);
  if (options.reset && existsSync(resolve(cloneDir, '.git'))) rmSync(cloneDir, { recursive: true, force: true });
  const user = env.PARINDEX_USER?.trim();
  const teams = (env.PARINDEX_TEAMS ?? '').split(',').map((t) => t.trim()).filter(Boolean);

  ctx.out(`${msg.starting}\n`);
  const portal = await startPortal({
    repoRoot: ctx.root,
    cloneDir,
    sitePort,
    backendPort,
    site: options.site,
    demo: options.demo,
    clock,
    gate: evaluateGate,
    ...(maxUploadBytes ? { maxUploadBytes } : {}),
    ...(user ? { actor: { user, teams } } : {}),
    siteEnv: start ? { PARINDEX_NOW: env.PARINDEX_NOW } : {},
    log: (line) => ctx.out(`${line}\n`),
  });
  ctx.out(msg.banner({
    siteUrl: portal.siteUrl,
    adminUrl: portal.adminUrl,
    backendUrl: portal.backendUrl,
    clone: portal.clone.dir,
    created: portal.clone.created,
    head: portal.clone.head,
    recovered: portal.clone.recovered,
    replayed: portal.clone.replayed,
    resetHint: options.clone ? `npm start -- --reset --clone ${options.clone}` : 'npm start -- --reset',
    clock: start ? msg.clockFixed(start) : msg.clockSystem,
    actor: user ? msg.actorConfigured(user) : msg.actorPerUnit,
  }));

  return new Promise<number>((done) => {
    let finishing = false;
    const finish = async (code: number, note?: string) => {
      if (finishing) return;
      finishing = true;
      if (note) ctx.err(`${note}\n`);
      ctx.out(`${msg.stopping}\n`);
      await portal.stop();
      ctx.out(`${msg.stopped}\n`);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(code);
    };
    const onSignal = () => void finish(0);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void portal.siteExited.then((code) => finish(1, msg.siteExited(code)));
  });
}
