// When a campaign's results are public: marked published AND the decision date has come on the
// clock everything else runs on (PARINDEX_NOW in demos). Before it, a "published" status only
// records the decision to come; showing results then would contradict the campaign's own phases.
import type { Campaign } from './model.js';
import { localToInstant } from './time.js';

/** True from 00:00 of the decision date (campaign time zone), when the status is published. */
export function isPublishedAt(campaign: Campaign, now: Date): boolean {
  const p = campaign.publication;
  if (p.status !== 'published') return false;
  const from = p.date ? localToInstant(p.date, campaign.timezone) : null;
  return from === null || from.getTime() <= now.getTime();
}
