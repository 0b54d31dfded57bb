// What the campaign clock means for the open entry, said when the editor opens rather than when
// "Gửi đi" is refused: after the self-assessment deadline a draft still saves, but only the
// explanation rounds (when open) accept a send. The decision is the core's editPolicy, the one
// the gate applies.
import { createElement as h } from 'react';
import type { Campaign } from '../../scripts/core/model.js';
import { editPolicy } from '../../scripts/core/phases.js';
import { now } from './clock.js';
import { S } from './strings.js';

export function deadlineText(campaign: Campaign, at: Date = now()): string | null {
  const policy = editPolicy(campaign, at);
  if (policy.mode === 'self-assessment') return null;
  if (policy.mode === 'explanation') return S.deadline.explanation(policy.window.phase.name, policy.window.end, campaign.timezone);
  if (policy.last) {
    const passed = S.deadline.passed(policy.last.phase.name, campaign.year, policy.last.end, campaign.timezone);
    return policy.next ? `${passed} ${S.deadline.nextOpens(policy.next.phase.name, policy.next.start, campaign.timezone)}` : passed;
  }
  if (policy.next) return S.deadline.notYet(policy.next.phase.name, policy.next.start, campaign.timezone);
  return null;
}

export function DeadlineNotice({ campaign }: { campaign: Campaign }) {
  const text = deadlineText(campaign);
  return text ? h('p', { className: 'pi-deadline', role: 'status', 'data-deadline': 'true' }, text) : null;
}
