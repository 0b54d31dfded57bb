// The places the CMS reaches into Decap's Redux store (decap-cms-core 3.19, pinned by
// decap-cms-app 3.16.3): showing our own toast, showing a status the backend guard changed
// behind Decap's back (a sent entry saved with errors goes back to draft), and reading the open
// entry's original text for the YAML format.
// @ts-expect-error: decap-cms-core ships no types for its internals
import { store } from 'decap-cms-core/dist/esm/redux/index.js';

interface Store {
  dispatch(action: { type: string; payload?: unknown }): unknown;
  subscribe(listener: () => void): () => void;
  getState(): { entryDraft?: { getIn(path: string[]): unknown } };
}

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

/**
 * The text of the file the open entry was loaded from ('' for a new entry). Decap keeps it as the
 * entry's `raw` while the form changes `data`; its formatter is only handed the data.
 */
export function openEntryRaw(): string {
  const raw = decapStore.getState().entryDraft?.getIn(['entry', 'raw']);
  return typeof raw === 'string' ? raw : '';
}

/** The open entry's data as the editor holds it now (Immutable), or undefined outside an editor. */
export function openEntryData(): unknown {
  return decapStore.getState().entryDraft?.getIn(['entry', 'data']);
}

/** Calls `listener` after every change of Decap's state (the editor's fields included). */
export function onDecapChange(listener: () => void): () => void {
  return decapStore.subscribe(listener);
}
