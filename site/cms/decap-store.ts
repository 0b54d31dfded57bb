// The two places the CMS reaches into Decap's Redux store (decap-cms-core 3.19, pinned by
// decap-cms-app 3.16.3): showing our own toast, and showing a status the backend guard changed
// behind Decap's back (a sent entry saved with errors goes back to draft).
// @ts-expect-error: decap-cms-core ships no types for its internals
import { store } from 'decap-cms-core/dist/esm/redux/index.js';

interface Store { dispatch(action: { type: string; payload?: unknown }): unknown }

const decapStore = store as Store;

export function toast(message: string, type: 'success' | 'warning' | 'error' = 'warning', dismissAfter = 10_000): void {
  decapStore.dispatch({ type: 'NOTIFICATION_SEND', payload: { message, type, dismissAfter } });
}

/** After Decap's own optimistic update of the saved entry, which still carries the old status. */
export function showStatus(collection: string, slug: string, newStatus: string): void {
  setTimeout(() => {
    decapStore.dispatch({ type: 'UNPUBLISHED_ENTRY_STATUS_CHANGE_SUCCESS', payload: { collection, slug, newStatus } });
  }, 0);
}
