// The portal's clock. Every gate decision asks it, so a demo can run inside the 2023 window
// (PARINDEX_NOW) and a test can move time while the portal keeps running. A set clock stands
// still, like `ctx.now()` and the site's PARINDEX_NOW: the site's progress page shows arrivals
// up to its own "now", so commits dated by a clock that ran on past it would not appear there.
import { parseInstant } from '../core/time.js';

export interface PortalClock {
  now(): Date;
  /** Fix the clock at an instant (Date or ISO text with offset); null returns to the system clock. */
  set(instant: Date | string | null): void;
  /** True while the clock is fixed rather than the system's. */
  readonly fixed: boolean;
}

export function createClock(initial?: Date | string | null, system: () => Date = () => new Date()): PortalClock {
  let fixed: Date | null = null;
  const clock: PortalClock = {
    now: () => (fixed ? new Date(fixed.getTime()) : system()),
    set(instant) {
      if (instant === null) { fixed = null; return; }
      const d = typeof instant === 'string' ? parseInstant(instant) : instant;
      if (!d || Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
      fixed = d;
    },
    get fixed() { return fixed !== null; },
  };
  if (initial !== undefined && initial !== null) clock.set(initial);
  return clock;
}
