// The gate's verdict as the check run `parindex/gate`, created with the province App's token
// (Check workflow, job “verdict”). The main ruleset requires that check from that App only
// (rulesets.ts, integration_id): a commit status anyone with Write can post, or a job of a
// workflow a pull request adds, reports as another app and does not count.
import type { GitHub, RepoRef } from './client.js';
import { CHECK_CONTEXT } from './rulesets.js';

/** GitHub caps a check run's summary at 65,535 characters. */
export const SUMMARY_LIMIT = 65_000;

export interface GateCheck {
  sha: string;
  allowed: boolean;
  /** Markdown shown on the check's page (the gate's report); cut to the limit. */
  summary: string;
  /** The workflow run with the full report. */
  detailsUrl?: string;
}

export async function postGateCheck(gh: GitHub, ref: RepoRef, c: GateCheck): Promise<string | null> {
  const summary = c.summary.length > SUMMARY_LIMIT ? `${c.summary.slice(0, SUMMARY_LIMIT)}\n\n… (xem đầy đủ trong lần chạy)` : c.summary;
  const { data } = await gh.rest.checks.create({
    ...ref, name: CHECK_CONTEXT, head_sha: c.sha, status: 'completed', conclusion: c.allowed ? 'success' : 'failure',
    completed_at: new Date().toISOString(),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: { title: c.allowed ? 'Được nhập vào nhánh chính' : 'Bị từ chối', summary: summary || (c.allowed ? 'Cổng kiểm soát: đạt.' : 'Cổng kiểm soát: không đạt.') },
  });
  return data.html_url ?? null;
}
