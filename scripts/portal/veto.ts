// The gate in front of decap-server, mounted on POST /api/v1 before registerLocalGit. Every
// request is checked in this order (docs/security.md §Portal): the Host and Origin are the
// portal's own (no DNS rebinding, no other web page); the request's shape (request.ts: known
// action, main branch, canonical content/ paths, names, size); then each guarded action is
// judged (judge.ts) and either refused — 4xx { error } in Vietnamese, which Decap shows in a
// toast — or handed to decap-server under the acting officer's name and the portal's clock, on
// a clone put back to a clean main first. Refused or failed, nothing reaches decap-server, so a
// refusal can never turn into a write.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ActorOptions } from './actor.js';
import type { PortalClock } from './clock.js';
import { allowCors } from './cors.js';
import type { GateFn } from './gate-api.js';
import { applyEnv, identityEnv } from './identity.js';
import { createJudge, type Params, type Verdict } from './judge.js';
import { createLock } from './lock.js';
import { msg } from './messages.js';
import { MAIN_BRANCH } from './clone.js';
import { recoverClone } from './recover.js';
import { checkRequest, DEFAULT_MAX_UPLOAD_BYTES, GUARDED_ACTIONS } from './request.js';
import { hostAllowed } from './origin.js';

export interface VetoOptions {
  /** The portal's clone (decap-server's repository). */
  repo: string;
  clock: PortalClock;
  gate: GateFn;
  actor?: ActorOptions;
  log?: (line: string) => void;
  /** Largest upload, in bytes, decoded (default 20 MB; PARINDEX_MAX_UPLOAD_MB). */
  maxUploadBytes?: number;
  /** Origins the CMS page is served from; without them any loopback origin is accepted. */
  origins?: string[];
}

/**
 * Mounts the veto on `app` itself, not on a sub-router: an express Router answers a CORS
 * preflight (OPTIONS) with its own "Allow: POST" before decap-server's cors middleware sees it.
 */
export function mountVeto(app: Express, options: VetoOptions): void {
  const log = options.log ?? (() => {});
  const judge = createJudge({ repo: options.repo, clock: options.clock, gate: options.gate, log, ...(options.actor ? { actor: options.actor } : {}) });
  const lock = createLock();
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const crashLine = (action: string, error: unknown) =>
    msg.logCrash(options.clock.now(), action, error instanceof Error ? error.stack ?? error.message : String(error));

  // Before anything else, for every route decap-server registers: a browser tricked into
  // calling this port (DNS rebinding, another page's form) is not the portal's CMS.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (hostAllowed(req, options.origins)) return next();
    log(msg.logRefused(options.clock.now(), '—', `${req.method} ${req.path}`, `${msg.badHost} (Host: ${req.headers.host ?? '—'}, Origin: ${req.headers.origin ?? '—'})`));
    res.status(403).json({ error: msg.badHost });
  });

  // base64 grows a file by a third; the margin lets a file a little over the cap be named with
  // its size (request.ts), while a far larger body is cut off unread.
  const jsonLimit = Math.ceil(maxUpload * 1.5) + 1024 * 1024;
  app.post('/api/v1', express.json({ limit: jsonLimit }), async (req: Request, res: Response, next: NextFunction) => {
    // body-parser marks a parsed body with _body; decap-server's own parser then leaves it alone.
    (req as Request & { _body?: boolean })._body = true;
    const body = req.body as { action?: unknown; params?: Params } | undefined;
    const action = typeof body?.action === 'string' ? body.action : '';
    const shape = checkRequest(action, body?.params, maxUpload);
    if (!shape.ok) {
      log(msg.logRefused(options.clock.now(), '—', action || '—', shape.text));
      allowCors(req, res);
      res.status(shape.status).json({ error: shape.text });
      return;
    }

    // Held until the reply has gone, for reads too (decap-server checks draft branches out to
    // read them): the gate's view of main and the branch must still be true when decap-server
    // acts on it, and the clean-tree repair below must never run under a read.
    const release = await lock();
    let restore: (() => void) | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      restore?.();
      release();
    };
    res.once('finish', finish);
    res.once('close', finish);
    if (!GUARDED_ACTIONS.has(action)) return next();

    let verdict: Verdict;
    try {
      const repaired = await recoverClone(options.repo, MAIN_BRANCH, { locks: false, at: new Date() });
      for (const note of repaired.notes) log(msg.logRepaired(options.clock.now(), note));
      verdict = await judge(action, body?.params ?? {});
    } catch (error) {
      log(crashLine(action, error));
      allowCors(req, res);
      res.status(500).json({ error: msg.gateCrashed });
      return;
    }
    if (verdict.kind === 'refuse') {
      if (verdict.log) log(verdict.log);
      allowCors(req, res);
      res.status(verdict.status).json({ error: verdict.text });
      return;
    }
    if (verdict.kind === 'write') {
      if (verdict.actor || verdict.env) restore = applyEnv({ ...(verdict.actor ? identityEnv(verdict.actor.login, verdict.now) : {}), ...verdict.env });
      if (verdict.after) beforeSuccessReply(res, verdict.after, (e) => log(crashLine(action, e)));
    }
    next();
  });

  // A body that is not JSON never reaches decap-server, and the reply stays JSON with CORS.
  app.use('/api/v1', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    allowCors(req, res);
    // Drained rather than cut: a client still sending would see a broken pipe, not the reason.
    if ((error as { type?: string }).type === 'entity.too.large') { req.resume(); res.status(413).json({ error: msg.bodyTooLarge(maxUpload) }); }
    else res.status(400).json({ error: msg.badRequest });
  });
}

/**
 * Runs `effect` once decap-server has succeeded but before its reply leaves, so the CMS never
 * sees "sent" before the send time is recorded (and the next request sees it too).
 */
function beforeSuccessReply(res: Response, effect: () => Promise<void>, onError: (e: unknown) => void): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  (res as { end: unknown }).end = (...args: unknown[]) => {
    if (res.statusCode >= 400) return end(...args);
    effect().catch(onError).finally(() => end(...args));
    return res;
  };
}
