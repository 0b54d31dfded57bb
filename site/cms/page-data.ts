// What the /admin/ page hands the browser bundle: the Decap config generated at build time and
// the registry files (units, frameworks, campaigns) the core rules need, as raw text, so the
// browser parses them with the same loader and schemas as CI.

export type CmsMode = 'github' | 'local';

export interface CmsCollectionInfo {
  /** Decap collection name, also part of the workflow branch: cms/<name>/<unit>. */
  name: string;
  year: number;
}

export interface CmsPageData {
  mode: CmsMode;
  config: Record<string, unknown>;
  /** Repository path → file text, for every registry file. */
  registryFiles: Record<string, string>;
  collections: CmsCollectionInfo[];
}

export const PAGE_DATA_ELEMENT_ID = 'parindex-cms-data';

/** Name of the self-assessment collection of a year. */
export function collectionName(year: number): string {
  return `self-assessments-${year}`;
}

export function yearOfCollection(name: string): number | null {
  const m = /^self-assessments-(\d{4})$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The widget that replaces Decap's list for a self-assessment's items. */
export const SCORE_TABLE_WIDGET = 'parindex-score-table';

/** The unit picker: a choice for a new entry, read-only afterwards. */
export const UNIT_WIDGET = 'parindex-unit';
