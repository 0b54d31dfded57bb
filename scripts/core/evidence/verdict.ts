// What signature verification tells about one signature (scripts/core/evidence/signature.ts
// computes it). Kept apart from the verifier so rules and views read it without loading pkijs.
import type { UpdateKind } from './updates.js';

export interface SignerInfo {
  /** Subject common name (CN) and organisation (O). */
  name?: string;
  organization?: string;
  /** Issuer's common name (or organisation when it has no CN). */
  issuer?: string;
  notBefore: string;
  notAfter: string;
}

export interface SignatureCheck {
  /** valid: digest and signature both verify; digest-mismatch: the signed bytes changed;
   * bad-signature: the signature does not verify with the certificate; malformed: not a CMS signature. */
  status: 'valid' | 'digest-mismatch' | 'bad-signature' | 'malformed';
  /** The byte range covers the whole file, or a revision followed by incremental updates. */
  coverage: 'whole' | 'revision';
  updates: UpdateKind;
  signer?: SignerInfo;
  /** ISO instant; from the RFC 3161 timestamp token when present, else the signingTime attribute. */
  signingTime?: string;
  timeSource?: 'timestamp' | 'attribute';
  /** The signer's certificate was within its validity period at the signing time. */
  certificateValid?: boolean;
  /** The chain reaches a certificate of content/trust/ (false when it does not, or none is configured). */
  trusted?: boolean;
}

/** A signature that makes the document count as signed: it verifies and nothing after it changed the pages. */
export const counts = (s: SignatureCheck) => s.status === 'valid' && (s.updates === 'none' || s.updates === 'benign');
