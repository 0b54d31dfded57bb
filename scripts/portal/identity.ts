// The name and date on the commits decap-server makes for an officer. decap-server runs git
// through simple-git, which inherits process.env at each spawn: the environment is the only
// way in. Safe because guarded requests run one at a time (veto.ts) and unguarded ones never
// commit.
import { DEFAULT_TIMEZONE, zoneOffsetMinutes } from '../core/time.js';

/** Git's date format with the campaign zone's offset, e.g. "@1699581600 +0700". */
export function gitDate(at: Date): string {
  const off = zoneOffsetMinutes(at, DEFAULT_TIMEZONE);
  const abs = Math.abs(off);
  const tz = `${off >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `@${Math.floor(at.getTime() / 1000)} ${tz}`;
}

export function identityEnv(login: string, at: Date): Record<string, string> {
  const email = `${login}@parindex.local`;
  const date = gitDate(at);
  return {
    GIT_AUTHOR_NAME: login, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: login, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: date,
    // A merge never waits for an editor.
    GIT_MERGE_AUTOEDIT: 'no',
  };
}

/** Sets these variables in process.env; the returned function puts the old values back. */
export function applyEnv(values: Record<string, string>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(values)) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
