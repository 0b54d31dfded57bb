// The campaign clock: which phases are open at an instant, the next deadline, and what an
// officer may change now. Windows are half-open [start, end): at 17:00:00 a 17:00 deadline is
// closed. Every consumer (gate, lock, portal, site countdown) asks this module.
import type { Campaign, Phase, PhaseKind } from './model.js';
import { localToInstant } from './time.js';

export interface PhaseWindow {
  phase: Phase;
  start: Date;
  end: Date;
}

export function phaseWindows(campaign: Campaign): PhaseWindow[] {
  return campaign.phases.flatMap((phase) => {
    const start = localToInstant(phase.start, campaign.timezone);
    const end = localToInstant(phase.end, campaign.timezone);
    return start && end ? [{ phase, start, end }] : [];
  });
}

export function isOpen(w: { start: Date; end: Date }, now: Date): boolean {
  return now.getTime() >= w.start.getTime() && now.getTime() < w.end.getTime();
}

export function openPhases(campaign: Campaign, now: Date, kind?: PhaseKind): PhaseWindow[] {
  return phaseWindows(campaign).filter((w) => isOpen(w, now) && (!kind || w.phase.kind === kind));
}

/** The self-assessment window (the one the 17:00 lock is about). */
export function selfAssessmentWindow(campaign: Campaign): PhaseWindow | undefined {
  return phaseWindows(campaign).find((w) => w.phase.kind === 'self-assessment');
}

/** The next phase end after `now` across campaigns: what the home page counts down to. */
export function nextDeadline(campaigns: Iterable<Campaign>, now: Date): (PhaseWindow & { campaign: Campaign }) | undefined {
  let best: (PhaseWindow & { campaign: Campaign }) | undefined;
  for (const campaign of campaigns) {
    for (const w of phaseWindows(campaign)) {
      if (w.end.getTime() > now.getTime() && (!best || w.end < best.end)) best = { ...w, campaign };
    }
  }
  return best;
}

/** What a unit's officer may change in its self-assessment at `now`. */
export type EditPolicy =
  | { mode: 'self-assessment'; window: PhaseWindow }
  | { mode: 'explanation'; window: PhaseWindow; round: number }
  | { mode: 'closed'; next?: PhaseWindow; last?: PhaseWindow };

export function editPolicy(campaign: Campaign, now: Date): EditPolicy {
  const windows = phaseWindows(campaign);
  const self = windows.find((w) => w.phase.kind === 'self-assessment' && isOpen(w, now));
  if (self) return { mode: 'self-assessment', window: self };
  const explanation = windows.find((w) => w.phase.kind === 'explanation' && isOpen(w, now));
  if (explanation) return { mode: 'explanation', window: explanation, round: explanation.phase.round ?? 1 };
  const editable = windows.filter((w) => w.phase.kind === 'self-assessment' || w.phase.kind === 'explanation');
  const next = editable.filter((w) => w.start > now).sort((a, b) => +a.start - +b.start)[0];
  const last = editable.filter((w) => w.end <= now).sort((a, b) => +b.end - +a.end)[0];
  return { mode: 'closed', ...(next ? { next } : {}), ...(last ? { last } : {}) };
}
