// Loads what scoring, the site and reports need for a year: the registry plus every
// self-assessment that parses and is structurally valid. Invalid files are listed, not dropped
// silently, so a results page can say which units could not be scored.
import { CONTENT_DIRS, classifyPath } from '../kinds.js';
import type { ContentSource } from '../source.js';
import { loadRegistry, parseFile, type LoadedRegistry } from '../validate/engine.js';
import type { Appraisal, Campaign, SelfAssessment, Survey } from '../model.js';
import type { Registry } from '../rules/types.js';

export interface YearContent {
  year: number;
  campaign?: Campaign;
  /** Self-assessments by unit id. */
  selfAssessments: Map<string, SelfAssessment>;
  /** The council's appraisals by unit id. */
  appraisals: Map<string, Appraisal>;
  /** Survey points (content/surveys/<year>.yaml), when imported. */
  survey?: Survey;
  /** Paths of files that exist but could not be read as valid data. */
  invalid: string[];
}

export interface Content {
  registry: Registry;
  years: Map<number, YearContent>;
}

export async function loadYear(source: ContentSource, registry: Registry, year: number): Promise<YearContent> {
  const listed = (await Promise.all([
    source.list(`${CONTENT_DIRS.selfAssessments}/${year}`),
    source.list(`${CONTENT_DIRS.appraisals}/${year}`),
  ])).flat();
  const surveyPath = `${CONTENT_DIRS.surveys}/${year}.yaml`;
  if (await source.read(surveyPath)) listed.push(surveyPath);
  const paths = listed.filter((p) => classifyPath(p));
  const files = await Promise.all(paths.map((p) => parseFile(source, p)));
  const selfAssessments = new Map<string, SelfAssessment>();
  const appraisals = new Map<string, Appraisal>();
  let survey: Survey | undefined;
  const invalid: string[] = [];
  for (const f of files) {
    if (!f.valid) { invalid.push(f.path); continue; }
    if (f.info.kind === 'self-assessment') selfAssessments.set(f.info.id, f.data as SelfAssessment);
    else if (f.info.kind === 'appraisal') appraisals.set(f.info.id, f.data as Appraisal);
    else if (f.info.kind === 'survey') survey = f.data as Survey;
  }
  return { year, campaign: registry.campaigns.get(year), selfAssessments, appraisals, survey, invalid };
}

/** Everything, once: the site builds every page from one call of this. */
export async function loadContent(source: ContentSource, loaded?: LoadedRegistry): Promise<Content> {
  const { registry } = loaded ?? await loadRegistry(source);
  const yearDirs = new Set((await source.list(CONTENT_DIRS.selfAssessments)).map((p) => classifyPath(p)?.year).filter((y): y is number => !!y));
  const years = new Set([...registry.campaigns.keys(), ...yearDirs]);
  const entries = await Promise.all([...years].sort().map(async (y) => [y, await loadYear(source, registry, y)] as const));
  return { registry, years: new Map(entries) };
}
