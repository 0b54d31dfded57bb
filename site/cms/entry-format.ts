// The YAML format of both collections (`format: parindex-yaml` in the generated config): read
// with the `yaml` package, written as the smallest change to the file the entry was opened from
// (yaml-patch.ts), so a saved draft reads as a short pull request diff.
import { parseDocument } from 'yaml';
import { isRecord } from './items.js';
import { patchYaml } from './yaml-patch.js';
import { S } from './strings.js';
import { UNIT_NAME_KEY } from './page-data.js';

export interface EntryFormatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

function read(content: string): Record<string, unknown> | null {
  const doc = parseDocument(content);
  if (doc.errors.length) return null;
  const value = doc.toJSON() as unknown;
  return isRecord(value) ? value : null;
}

/** Top-level keys in the form's order for a new file (Decap adds derived keys last). */
function ordered(data: Record<string, unknown>, keys: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in data) out[k] = data[k];
  for (const [k, v] of Object.entries(data)) if (!(k in out)) out[k] = v;
  return out;
}

/** The entry's data without what the format added for display. */
export function fileData(data: Record<string, unknown>): Record<string, unknown> {
  if (!(UNIT_NAME_KEY in data)) return data;
  const { [UNIT_NAME_KEY]: _shown, ...rest } = data;
  return rest;
}

/**
 * `originalText` returns the text the open entry was loaded from ('' for a new entry);
 * `unitName` the registry's name of a unit id (for Decap's cards and lists).
 */
export function entryFormat(originalText: () => string, unitName: (id: string) => string | undefined = () => undefined): EntryFormatter {
  return {
    fromFile(content) {
      const data = read(content);
      if (!data) throw new Error(S.yamlUnreadable);
      const name = typeof data.unit === 'string' ? unitName(data.unit) : undefined;
      return { ...data, [UNIT_NAME_KEY]: name ?? data.unit };
    },
    toFile(shown, sortedKeys) {
      const data = fileData(shown);
      const raw = originalText();
      const original = raw ? read(raw) : null;
      // Only the file this entry came from: same unit (the slug), else the data is written whole.
      if (original && original.unit === data.unit) return patchYaml(raw, data);
      return patchYaml(undefined, ordered(data, sortedKeys));
    },
  };
}
