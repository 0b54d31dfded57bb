// The element both tables draw into: in place of the table, why there is none (no unit chosen,
// no framework for the unit); else the table, with the framework and the unit as hooks for the
// tests and the styles, holding the parts the caller draws for the laid-out framework.
import { createElement as h, type ReactNode } from 'react';
import type { Layout } from './layout.js';
import type { UnitFramework } from './registry.js';

type Ready = Extract<UnitFramework, { ok: true }>;

export function tableFrame(
  session: { target: UnitFramework; layout: Layout | null; unit: string | null },
  className: string,
  parts: (layout: Layout, target: Ready) => ReactNode[],
) {
  if (!session.target.ok || !session.layout) {
    return h('div', { className: 'pi-table' }, h('div', { className: 'pi-message', role: 'status' }, session.target.ok ? '' : session.target.reason));
  }
  return h('div', { className, 'data-framework': session.target.framework.framework.id, 'data-unit': session.unit ?? '' },
    ...parts(session.layout, session.target));
}
