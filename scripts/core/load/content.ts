// Loads what scoring, the site and reports need for a year: the registry plus every
// self-assessment that parses and is structurally valid. Invalid files are listed, not dropped
// silently, so a results page can say which units could not be scored.
import { CONTENT_DIRS, classifyPath } from '../kinds.js';
import type { ContentSource } from '../source.js';
import { loadRegistry, parseFile, type LoadedRegistry } from '../validate/engine.js';
import type { Campaign, SelfAssessment } from '../model.js';
import type { Registry } from '../rules/types.js';

export interface YearContent {
  year: number;
  campaign?: Campaign;
  /** Self-assessments by unit id. */
  selfAssessments: Map<string, SelfAssessment>;
  /** Paths of files that exist but could not be read as valid data. */
  invalid: string[];
}

export interface Content {
  registry: Registry;
  years: Map<number, YearContent>;
}

export async function loadYear(source: ContentSource, registry: Registry, year: number): Promise<YearContent> {
  const paths = (await source.list(`${CONTENT_DIRS.selfAssessments}/${year}`)).filter((p) => classifyPath(p)?.kind === 'self-assessment');
  const files = await Promise.all(paths.map((p) => parseFile(source, p)));
  const selfAssessments = new Map<string, SelfAssessment>();
  const invalid: string[] = [];
  for (const f of files) {
    if (f.valid) selfAssessments.set(f.info.id, f.data as SelfAssessment);
    else invalid.push(f.path);
  }
  return { year, campaign: registry.campaigns.get(year), selfAssessments, invalid };
}

/** Everything, once: the site builds every page from one call of this. */
export async function loadContent(source: ContentSource, loaded?: LoadedRegistry): Promise<Content> {
  const { registry } = loaded ?? await loadRegistry(source);
  const yearDirs = new Set((await source.list(CONTENT_DIRS.selfAssessments)).map((p) => classifyPath(p)?.year).filter((y): y is number => !!y));
  const years = new Set([...registry.campaigns.keys(), ...yearDirs]);
  const entries = await Promise.all([...years].sort().map(async (y) => [y, await loadYear(source, registry, y)] as const));
  return { registry, years: new Map(entries) };
}
