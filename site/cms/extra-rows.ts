// Criteria an entry holds that the unit's framework does not list as self-scored: both tables
// show them after the framework's rows, each with a button to remove it.
import { createElement as h, memo, useSyncExternalStore } from 'react';
import type { RowStore } from './row-store.js';
import { rowId } from './layout.js';
import { S } from './strings.js';

type ExtrasStore = Pick<RowStore<unknown>, 'extraCodes' | 'removeExtra' | 'subscribeScores' | 'scoresSnapshot'>;

export const ExtraRows = memo(function ExtraRows({ store }: { store: ExtrasStore }) {
  // Removing one changes the scores' version: that is when the list repaints.
  useSyncExternalStore((cb) => store.subscribeScores(cb), () => store.scoresSnapshot());
  const codes = store.extraCodes();
  if (!codes.length) return null;
  return h('section', null, h('h3', { className: 'pi-heading pi-heading-0' }, S.extraHeading),
    ...codes.map((code) => h('div', { key: code, id: rowId(code), className: 'pi-row', 'data-code': code },
      h('span', { className: 'pi-code' }, code), ' ',
      h('button', { type: 'button', className: 'pi-btn', onClick: () => store.removeExtra(code) }, S.extraRemove))));
});
