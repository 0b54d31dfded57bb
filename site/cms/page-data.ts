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
  /** Self-assessment collections (officers). */
  collections: CmsCollectionInfo[];
  /** The portal's fixed clock (PARINDEX_NOW) as ISO, when the page was rendered with one. */
  now?: string;
  /** Appraisal collections (the council). */
  appraisals: CmsCollectionInfo[];
}

export const PAGE_DATA_ELEMENT_ID = 'parindex-cms-data';

/** The entry format both collections use: YAML written as the smallest change (site/cms/yaml-patch.ts). */
export const ENTRY_FORMAT = 'parindex-yaml';

/**
 * A key the format adds when it reads an entry (the unit's name from the registry) so Decap's
 * cards and lists can show a name instead of the slug (`summary`); never written to the file.
 */
export const UNIT_NAME_KEY = '_unitName';

/** Name of the self-assessment collection of a year. */
export function collectionName(year: number): string {
  return `self-assessments-${year}`;
}

export function yearOfCollection(name: string): number | null {
  const m = /^self-assessments-(\d{4})$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Name of the appraisal collection of a year. */
export function appraisalCollectionName(year: number): string {
  return `appraisals-${year}`;
}

export function yearOfAppraisalCollection(name: string): number | null {
  const m = /^appraisals-(\d{4})$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The widget that replaces Decap's list for a self-assessment's items. */
export const SCORE_TABLE_WIDGET = 'parindex-score-table';

/** The unit picker: a choice for a new entry, read-only afterwards. */
export const UNIT_WIDGET = 'parindex-unit';

/** The council's table for an appraisal's `items`, beside the unit's self-assessment. */
export const APPRAISAL_TABLE_WIDGET = 'parindex-appraisal-table';

/** A number typed with a decimal comma (bonus and penalty points). */
export const DECIMAL_WIDGET = 'parindex-decimal';

/** A list of names, one per line (the appraisers). */
export const NAMES_WIDGET = 'parindex-names';
