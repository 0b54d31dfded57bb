// The instant a change is judged at. See docs/deadline-semantics.md.
//
// A change is judged at the moment it was SENT, when a server-side send time is known (the
// GitHub check run or ready label of the exact head that is merged; the portal's clock when the
// officer set the entry to Ready), else at `now`. Commit dates never enter: the client writes
// them. A send time later than `now` is a caller bug and must never help, so `now` wins.
export interface Effective {
  at: Date;
  /** Whether the send time (rather than `now`) decided. */
  submitted: boolean;
  /** A send time was given but ignored (after `now`, or not a time). */
  ignored: boolean;
}

export function effectiveInstant(now: Date, submittedAt?: Date): Effective {
  if (!submittedAt) return { at: now, submitted: false, ignored: false };
  if (Number.isNaN(submittedAt.getTime()) || submittedAt.getTime() > now.getTime()) return { at: now, submitted: false, ignored: true };
  return { at: submittedAt, submitted: true, ignored: false };
}
