// CORS for the portal's own replies. decap-server's cors middleware only runs for requests it
// handles; a refusal from the veto must carry the same header or the CMS sees a network error
// instead of the Vietnamese reason.
import type { Request, Response } from 'express';

/** decap-server's rule: ORIGIN when set, else any localhost / 127.0.0.1 port. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

export function allowCors(req: Request, res: Response): void {
  const origin = req.headers.origin;
  const configured = process.env.ORIGIN;
  if (origin && (configured ? origin === configured : LOCAL_ORIGIN.test(origin))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
}
