// The gate in front of decap-server, mounted on POST /api/v1 before registerLocalGit: each
// guarded action is judged (judge.ts) and either refused — 4xx { error } in Vietnamese, which
// Decap shows in a toast — or handed to decap-server under the acting officer's name and the
// portal's clock. Refused or failed, nothing reaches decap-server, so a refusal can never turn
// into a write.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ActorOptions } from './actor.js';
import type { PortalClock } from './clock.js';
import { allowCors } from './cors.js';
import type { GateFn } from './gate-api.js';
import { applyEnv, identityEnv } from './identity.js';
import { createJudge, GUARDED_ACTIONS, type Params, type Verdict } from './judge.js';
import { createLock } from './lock.js';
import { msg } from './messages.js';

export interface VetoOptions {
  /** The portal's clone (decap-server's repository). */
  repo: string;
  clock: PortalClock;
  gate: GateFn;
  actor?: ActorOptions;
  log?: (line: string) => void;
}

/**
 * Mounts the veto on `app` itself, not on a sub-router: an express Router answers a CORS
 * preflight (OPTIONS) with its own "Allow: POST" before decap-server's cors middleware sees it.
 */
export function mountVeto(app: Express, options: VetoOptions): void {
  const log = options.log ?? (() => {});
  const judge = createJudge({ repo: options.repo, clock: options.clock, gate: options.gate, log, ...(options.actor ? { actor: options.actor } : {}) });
  const lock = createLock();
  const crashLine = (action: string, error: unknown) =>
    msg.logCrash(options.clock.now(), action, error instanceof Error ? error.stack ?? error.message : String(error));

  app.post('/api/v1', express.json({ limit: '50mb' }), async (req: Request, res: Response, next: NextFunction) => {
    // body-parser marks a parsed body with _body; decap-server's own parser then leaves it alone.
    (req as Request & { _body?: boolean })._body = true;
    const body = req.body as { action?: unknown; params?: Params } | undefined;
    const action = typeof body?.action === 'string' ? body.action : '';
    if (!GUARDED_ACTIONS.has(action)) return next();

    // Held until the reply has gone: the gate's view of main and the branch must still be true
    // when decap-server acts on it.
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

    let verdict: Verdict;
    try {
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
    res.status(400).json({ error: msg.badRequest });
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
