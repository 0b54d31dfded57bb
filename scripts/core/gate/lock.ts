// Which platform rules must be on at an instant: the submission lock is ACTIVE whenever no
// self-assessment or explanation window of any campaign is open. Pure; the GitHub adapter
// (scripts/github/lock.ts) only applies the answer. Windows are [start, end): at 17:00:00 a
// 17:00 deadline is locked.
import type { Campaign } from '../model.js';
import { isOpen, phaseWindows, type PhaseWindow } from '../phases.js';
import { formatDateTime } from '../format.js';

export interface CampaignWindow extends PhaseWindow {
  year: number;
  timezone: string;
}

export interface LockPlan {
  /** The lock ruleset must be enforced. */
  active: boolean;
  /** Edit windows open now. */
  open: CampaignWindow[];
  /** The next instant the answer may change (a window start or end), if any. */
  nextChange: CampaignWindow & { at: Date } | null;
  /** The edit window that closed most recently: sends before its end may still be merged. */
  lastClosed: CampaignWindow | null;
  /** Vietnamese one-line explanation for logs and the dry run. */
  summary: string;
}

const EDIT_KINDS = new Set(['self-assessment', 'explanation']);

function editWindows(campaigns: Iterable<Campaign>): CampaignWindow[] {
  const out: CampaignWindow[] = [];
  for (const c of campaigns) {
    for (const w of phaseWindows(c)) if (EDIT_KINDS.has(w.phase.kind)) out.push({ ...w, year: c.year, timezone: c.timezone });
  }
  return out;
}

export function lockPlan(campaigns: Iterable<Campaign>, now: Date): LockPlan {
  const t = now.getTime();
  const windows = editWindows(campaigns);
  const open = windows.filter((w) => isOpen(w, now));
  let nextChange: LockPlan['nextChange'] = null;
  for (const w of windows) {
    for (const at of [w.start, w.end]) {
      if (at.getTime() > t && (!nextChange || at.getTime() < nextChange.at.getTime())) nextChange = { ...w, at };
    }
  }
  const lastClosed = windows.filter((w) => w.end.getTime() <= t).sort((a, b) => b.end.getTime() - a.end.getTime())[0] ?? null;
  const when = (d: Date, tz: string) => formatDateTime(d, tz);
  const summary = open.length
    ? `Mở khóa: đang trong “${open.map((w) => `${w.phase.name}” năm ${w.year}, đến ${when(w.end, w.timezone)}`).join('; “')}.`
    : `Khóa: không có đợt tự đánh giá hay giải trình nào đang mở${nextChange ? `; thay đổi tiếp theo lúc ${when(nextChange.at, nextChange.timezone)} (“${nextChange.phase.name}” năm ${nextChange.year})` : ''}.`;
  return { active: open.length === 0, open, nextChange, lastClosed, summary };
}
