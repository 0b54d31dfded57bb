// The merge bot's seal on a send-time trailer (docs/security-github.md, “send time in history”).
// `Parindex-Submitted-At` moves a merge's arrival earlier, to when the unit pressed “Gửi đi”.
// Anyone who can write a merge message (an admin merging past the lock, a hand-made merge in a
// local clone) could write that line, so history honours it only when
//   1. the merge bot (content/access.yaml `mergeBot`, or a local identity) authored or
//      committed the merge, and
//   2. the message carries `Parindex-Seal:`, an Ed25519 signature by a key the repository lists,
//      over the merged head(s) and the send time.
// The signature cannot cover the merge's tree or first parent: on GitHub the bot merges through
// the pull request API, which computes both after the bot has written the message. The merged
// head pins the content (a seal copied onto another merge names another head and fails) and
// the first parent is main's tip, which only GitHub's merge can choose.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { CommitObject, Person } from './objects.js';
import { SUBMITTED_TRAILER, submittedTrailer } from './messages.js';

export const SEAL_TRAILER = 'Parindex-Seal';
/** Git config keys by which a repository trusts its own merger (the local portal). */
export const SEAL_KEY_CONFIG = 'parindex.sealKey';
export const MERGE_BOT_CONFIG = 'parindex.mergeBot';
const PAYLOAD_VERSION = 'parindex-seal/1';
// Ed25519 SubjectPublicKeyInfo prefix: a raw 32-byte key becomes a DER key node:crypto reads.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A public key as written in content/access.yaml or git config: `ed25519:<base64 of 32 bytes>`. */
export interface SealKey {
  id: string;
  key: KeyObject;
}

export interface SealTrust {
  /** Names, emails or GitHub logins of the merge bot (`parindex-bot[bot]`). */
  identities: string[];
  keys: SealKey[];
}

export type SealVerdict =
  | { trusted: true; submittedAt: Date; keyId: string }
  | { trusted: false; claimed: Date | null; reason: SealRefusal };

export type SealRefusal = 'not-a-merge' | 'no-trailer' | 'not-merge-bot' | 'no-seal' | 'unknown-key' | 'bad-signature';

/** The bytes signed: the merged heads (parents after the first) and the send time, as written. */
export function sealPayload(mergedHeads: string[], submittedIso: string): Buffer {
  return Buffer.from([PAYLOAD_VERSION, ...mergedHeads.map((h) => `merged ${h.toLowerCase()}`), `submitted-at ${submittedIso}`, ''].join('\n'), 'utf8');
}

function rawPublicKey(key: KeyObject): Buffer {
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
}

/** Short id of a public key: the first 8 bytes of SHA-256 of its raw bytes, hex. */
export function keyId(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16);
}

/** `ed25519:<base64>` → a key, or null when the text is not an Ed25519 public key. */
export function parseSealKey(text: string): SealKey | null {
  const m = /^\s*ed25519:([A-Za-z0-9+/]{43}=)\s*$/.exec(text);
  if (!m) return null;
  const raw = Buffer.from(m[1]!, 'base64');
  if (raw.length !== 32) return null;
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return { id: keyId(key), key };
  } catch {
    return null;
  }
}

export function formatSealKey(key: KeyObject): string {
  return `ed25519:${rawPublicKey(key).toString('base64')}`;
}

export interface SealKeyPair {
  /** PKCS#8 PEM: the secret (GitHub environment secret, or a file only the portal reads). */
  privateKeyPem: string;
  /** `ed25519:<base64>`: goes into content/access.yaml `mergeBotKeys` or git config parindex.sealKey. */
  publicKey: string;
  id: string;
}

export function generateSealKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, publicKey: formatSealKey(publicKey), id: keyId(publicKey) };
}

/** A private key from PEM text (what the environment variable holds); throws on anything else. */
export function loadSealPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem.includes('-----BEGIN') ? pem : Buffer.from(pem.trim(), 'base64').toString('utf8'));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`khóa niêm phong phải là Ed25519, không phải ${key.asymmetricKeyType}`);
  return key;
}

/**
 * The trailer lines a merger appends to the merge message: the send time and its seal. Known
 * before the merge exists (heads and send time only), so the GitHub sweep passes them as the
 * merge's commit message and the local portal's hook appends them.
 */
export function sealMerge(input: { mergedHeads: string[]; submittedIso: string; privateKey: KeyObject }): string {
  const sig = sign(null, sealPayload(input.mergedHeads, input.submittedIso), input.privateKey);
  const id = keyId(createPublicKey(input.privateKey));
  return `${submittedTrailer(input.submittedIso)}\n${SEAL_TRAILER}: ed25519 ${id} ${sig.toString('base64')}`;
}

function trailer(message: string, name: string): string | null {
  const m = new RegExp(`^${name}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(message);
  return m ? m[1]! : null;
}

function parseTime(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || !/(Z|[+-]\d{2}:\d{2})$/.test(iso) ? null : d;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Whether a person is the merge bot: its name or email, or GitHub's noreply address of the
 * account (`12345+parindex-bot[bot]@users.noreply.github.com`, any GitHub host).
 */
export function isMergeBot(p: Person, identities: string[]): boolean {
  const name = norm(p.name);
  const email = norm(p.email);
  const noreply = /^\d+\+(.+)@users\.noreply\.[^@]+$/.exec(email)?.[1] ?? null;
  return identities.map(norm).filter(Boolean).some((id) => name === id || email === id || noreply === id);
}

/** Is this merge's send-time trailer trusted? The one predicate history and audit use. */
export function verifySeal(commit: Pick<CommitObject, 'parents' | 'message' | 'author' | 'committer'>, trust: SealTrust): SealVerdict {
  const iso = trailer(commit.message, SUBMITTED_TRAILER);
  const claimed = iso ? parseTime(iso) : null;
  if (commit.parents.length < 2) return { trusted: false, claimed, reason: 'not-a-merge' };
  if (!iso || !claimed) return { trusted: false, claimed, reason: 'no-trailer' };
  if (!isMergeBot(commit.author, trust.identities) && !isMergeBot(commit.committer, trust.identities)) {
    return { trusted: false, claimed, reason: 'not-merge-bot' };
  }
  const seal = trailer(commit.message, SEAL_TRAILER);
  const m = seal ? /^ed25519 ([0-9a-f]{16}) ([A-Za-z0-9+/]+={0,2})$/.exec(seal) : null;
  if (!m) return { trusted: false, claimed, reason: 'no-seal' };
  const key = trust.keys.find((k) => k.id === m[1]);
  if (!key) return { trusted: false, claimed, reason: 'unknown-key' };
  const ok = verify(null, sealPayload(commit.parents.slice(1), iso), key.key, Buffer.from(m[2]!, 'base64'));
  return ok ? { trusted: true, submittedAt: claimed, keyId: key.id } : { trusted: false, claimed, reason: 'bad-signature' };
}

/** Vietnamese reason for the audit. */
export const SEAL_REFUSAL_VI: Record<SealRefusal, string> = {
  'not-a-merge': 'không phải commit gộp',
  'no-trailer': 'không có thời điểm gửi hợp lệ',
  'not-merge-bot': 'commit gộp không do tài khoản máy nhập (mergeBot) tạo',
  'no-seal': 'thiếu dấu niêm phong Parindex-Seal',
  'unknown-key': 'dấu niêm phong ký bằng khóa không có trong danh sách mergeBotKeys',
  'bad-signature': 'dấu niêm phong sai (nội dung hoặc thời điểm đã bị sửa)',
};

/** Trust from the keys' texts (access.yaml `mergeBotKeys`, git config); bad entries are reported. */
export function sealTrust(identities: (string | undefined)[], keyTexts: string[], onBadKey: (text: string) => void = () => {}): SealTrust {
  const keys: SealKey[] = [];
  for (const t of keyTexts) {
    const k = parseSealKey(t);
    if (k) keys.push(k);
    else onBadKey(t);
  }
  return { identities: identities.filter((i): i is string => !!i && !!i.trim()), keys };
}
