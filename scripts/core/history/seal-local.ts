// The local portal's seal key (adapter: fs + git config). The portal merges sends itself
// (decap-server's `git merge`), so it is the merge bot of its own clone: its private key lives
// inside that clone's git directory, readable by the owner only, and its public key and
// identity go into the clone's git config, where history looks for them (index.ts `trust`).
import fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import type { KeyObject } from 'node:crypto';
import { findGitdir } from './repo.js';
import { createPublicKey } from 'node:crypto';
import { generateSealKeyPair, loadSealPrivateKey, formatSealKey, SEAL_KEY_CONFIG, MERGE_BOT_CONFIG } from './seal.js';

export const LOCAL_KEY_FILE = join('parindex', 'seal-key.pem');

export interface LocalSealKey {
  privateKey: KeyObject;
  /** `ed25519:<base64>` as written to git config parindex.sealKey. */
  publicKey: string;
  created: boolean;
}

/**
 * The repository's seal key, created on first use. `identity` (the committer name or email the
 * portal writes on its merges) is recorded as parindex.mergeBot so history accepts those merges.
 */
export async function ensureLocalSealKey(repoDir: string, identity: string): Promise<LocalSealKey> {
  const found = findGitdir(repoDir);
  if (!found) throw new Error(`không tìm thấy kho git tại ${repoDir}`);
  const gitdir = found.commondir;
  const file = join(gitdir, LOCAL_KEY_FILE);
  let created = false;
  let privateKey: KeyObject;
  if (fs.existsSync(file)) {
    privateKey = loadSealPrivateKey(fs.readFileSync(file, 'utf8'));
  } else {
    const pair = generateSealKeyPair();
    fs.mkdirSync(join(gitdir, 'parindex'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    privateKey = loadSealPrivateKey(pair.privateKeyPem);
    created = true;
  }
  const publicKey = formatSealKey(createPublicKey(privateKey));
  for (const [path, value] of [[SEAL_KEY_CONFIG, publicKey], [MERGE_BOT_CONFIG, identity]] as const) {
    const values = await git.getConfigAll({ fs, gitdir, path });
    if (!values.includes(value)) await git.setConfig({ fs, gitdir, path, value, append: true });
  }
  return { privateKey, publicKey, created };
}
