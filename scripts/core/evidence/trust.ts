// The province's trust store: PEM certificates in content/trust/ (the government's specialised
// CA roots, chosen by the province admin). A signature chains to one of them or is "valid but
// untrusted". Parsing is pure: the caller reads the files.
import * as pkijs from 'pkijs';

export interface TrustStore {
  anchors: pkijs.Certificate[];
  /** Files (or blocks) that are not readable certificates, with a Vietnamese reason. */
  problems: { file: string; message: string }[];
  /** Chain verdicts already computed against these anchors (see signature.ts). */
  verdicts: Map<string, Promise<boolean>>;
}

export const emptyTrust = (): TrustStore => ({ anchors: [], problems: [], verdicts: new Map() });

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

function base64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Parses every certificate of every PEM file (a file may hold several). */
export function parseTrustStore(files: { path: string; text: string }[]): TrustStore {
  const anchors: pkijs.Certificate[] = [];
  const problems: TrustStore['problems'] = [];
  for (const { path, text } of files) {
    let found = 0;
    for (const m of text.matchAll(PEM)) {
      found++;
      try {
        anchors.push(pkijs.Certificate.fromBER(base64(m[1]!)));
      } catch {
        problems.push({ file: path, message: `Chứng thư số thứ ${found} trong “${path}” không đọc được (không phải chứng thư X.509 dạng PEM).` });
      }
    }
    if (!found) problems.push({ file: path, message: `Tệp “${path}” không chứa chứng thư số nào (cần khối -----BEGIN CERTIFICATE-----).` });
  }
  return { anchors, problems, verdicts: new Map() };
}
