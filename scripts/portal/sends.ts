// When an entry was sent ("Gửi đi" = set to Ready), by the portal's clock, and which commit was
// sent. Kept in the clone's git config beside decap-server's own status (branch.<b>.description),
// so a restart keeps it and `git branch -D` drops it with the branch. A send only counts for the
// head it was recorded with: saving again after sending means sending again.
import { configGet, configSet, configUnset } from './git.js';

export interface SendRecord {
  at: Date;
  head: string;
}

const AT = 'parindex-sent-at';
const HEAD = 'parindex-sent-head';

const key = (branch: string, name: string) => `branch.${branch}.${name}`;

export async function readSend(repo: string, branch: string): Promise<SendRecord | null> {
  const [at, head] = await Promise.all([configGet(repo, key(branch, AT)), configGet(repo, key(branch, HEAD))]);
  if (!at || !head) return null;
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? null : { at: d, head };
}

export async function recordSend(repo: string, branch: string, record: SendRecord): Promise<void> {
  await configSet(repo, key(branch, AT), record.at.toISOString());
  await configSet(repo, key(branch, HEAD), record.head);
}

export async function clearSend(repo: string, branch: string): Promise<void> {
  await configUnset(repo, key(branch, AT));
  await configUnset(repo, key(branch, HEAD));
}

/** The send time that applies to merging `head` now, if the officer sent exactly this head. */
export async function sendTimeFor(repo: string, branch: string, head: string): Promise<Date | undefined> {
  const record = await readSend(repo, branch);
  return record && record.head === head ? record.at : undefined;
}

/**
 * Saving a sent entry withdraws the send: the send time is dropped and decap-server's status
 * (branch.<b>.description, which it never updates on a save) goes back to draft, so the
 * workflow board agrees with the editor, which shows the saved entry as a draft.
 */
export async function withdrawSend(repo: string, branch: string): Promise<void> {
  await clearSend(repo, branch);
  const key = `branch.${branch}.description`;
  const label = await configGet(repo, key);
  if (label?.endsWith('pending_publish')) await configSet(repo, key, `${label.slice(0, -'pending_publish'.length)}draft`);
}
