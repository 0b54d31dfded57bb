// The Decap CMS configuration, generated from the self-assessment and appraisal schemas and the registry
// (units, campaigns, frameworks) every time the /admin/ page is built, so it cannot drift from
// the data. It is not a committed file: it depends on the content and on where the CMS is
// deployed (GitHub, or the local portal's git backend), both known only at build time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPath, CONTENT_DIRS, SCHEMA_FILES } from '../core/kinds.js';
import { unitIsActive, type Unit } from '../core/model.js';
import type { Registry } from '../core/rules/types.js';
import { fsSource } from '../io/fs-source.js';
import { loadRegistry } from '../core/validate/engine.js';
import { memorySource, readText } from '../core/source.js';
import {
  appraisalCollectionName, APPRAISAL_TABLE_WIDGET, collectionName, DECIMAL_WIDGET, ENTRY_FORMAT, NAMES_WIDGET, UNIT_NAME_KEY, SCORE_TABLE_WIDGET, UNIT_WIDGET,
  type CmsMode, type CmsPageData,
} from '../../site/cms/page-data.js';
import { formatNumber } from '../core/format.js';
import { parseInstant } from '../core/time.js';

export const DEFAULT_LOCAL_BACKEND_URL = 'http://localhost:8081/api/v1';

export interface CmsEnvironment {
  mode: CmsMode;
  /** local: decap-server's git API behind the portal's gate. */
  localBackendUrl: string;
  /** github: owner/name of the repository officers edit. */
  repo: string;
  branch: string;
  /** GitHub Enterprise: API root (https://ghe.example/api/v3) and OAuth proxy base URL. */
  apiRoot?: string;
  baseUrl?: string;
  authEndpoint?: string;
  siteUrl?: string;
}

type Env = Record<string, string | undefined>;

/**
 * Build-time settings, from the environment:
 *   PARINDEX_CMS_LOCAL=1            the local portal (`npm start`): decap-server's git backend
 *   PARINDEX_CMS_BACKEND_URL        its API (default http://localhost:<PARINDEX_BACKEND_PORT|8081>/api/v1)
 *   PARINDEX_CMS_REPO / GITHUB_REPOSITORY   owner/name on GitHub
 *   PARINDEX_CMS_BRANCH             default main
 *   PARINDEX_CMS_API_ROOT, PARINDEX_CMS_BASE_URL, PARINDEX_CMS_AUTH_ENDPOINT   GitHub Enterprise / OAuth
 */
export function cmsEnvironment(env: Env = process.env): CmsEnvironment {
  const local = env.PARINDEX_CMS_LOCAL === '1' || env.PARINDEX_CMS_LOCAL === 'true';
  const port = env.PARINDEX_BACKEND_PORT && /^\d+$/.test(env.PARINDEX_BACKEND_PORT) ? env.PARINDEX_BACKEND_PORT : '8081';
  return {
    mode: local ? 'local' : 'github',
    localBackendUrl: env.PARINDEX_CMS_BACKEND_URL || `http://localhost:${port}/api/v1`,
    repo: env.PARINDEX_CMS_REPO || env.GITHUB_REPOSITORY || 'owner/parindex',
    branch: env.PARINDEX_CMS_BRANCH || 'main',
    apiRoot: env.PARINDEX_CMS_API_ROOT || undefined,
    baseUrl: env.PARINDEX_CMS_BASE_URL || undefined,
    authEndpoint: env.PARINDEX_CMS_AUTH_ENDPOINT || undefined,
    siteUrl: env.PARINDEX_SITE || undefined,
  };
}

interface JsonSchema {
  type?: string;
  description?: string;
  required?: string[];
  pattern?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** Labels where the schema's description is missing or written for developers. */
const LABELS: Record<string, string> = {
  unit: 'Đơn vị',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  items: 'Tự chấm điểm theo bộ tiêu chí',
};

function label(name: string, schema: JsonSchema): string {
  return LABELS[name] ?? schema.description ?? name;
}

/** One Decap field per property of a flat object schema (the preparedBy block). */
function stringFields(schema: JsonSchema): Record<string, unknown>[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    // Never `required` or `pattern` for Decap: its validation blocks the save, and a draft must save
    // with errors (docs/cms.md). The schema and the rules report them in the findings panel instead.
    const hint = required.has(name) ? 'Bắt buộc khi gửi đi.' : undefined;
    return { name, label: label(name, prop), widget: 'string', required: false, ...(hint ? { hint } : {}) };
  });
}

/** Units a year's self-assessment may be created for: active that year, in one of its groups. */
export function unitsForYear(registry: Registry, year: number): Unit[] {
  const campaign = registry.campaigns.get(year);
  if (!campaign) return [];
  const groups = new Set(campaign.groups.map((g) => g.id));
  return [...registry.units.values()]
    .filter((u) => groups.has(u.group) && unitIsActive(u, year))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** A collection's unit picker. */
interface UnitPicker {
  units: Unit[];
  /** Units whose file exists already: a new entry is not offered them. */
  taken?: string[];
  hint: string;
}

/** Whether a new entry can be made: some unit of the picker has no file yet. */
function canCreate(picker: UnitPicker): boolean {
  const taken = new Set(picker.taken ?? []);
  return picker.units.some((u) => !taken.has(u.id));
}

type Field = Record<string, unknown>;

/**
 * One form field per property of a collection's schema, in the schema's order. The unit, year
 * and framework are asked (or not) alike in every collection; `own` builds the others and
 * returns undefined for a property it does not know, which stops the build.
 */
function formFields(kind: string, year: number, props: Record<string, JsonSchema>, picker: UnitPicker, own: (name: string, prop: JsonSchema) => Field | undefined): Field[] {
  return Object.entries(props).map(([name, prop]) => {
    switch (name) {
      case 'unit':
        return {
          name, label: label(name, prop), widget: UNIT_WIDGET, required: true,
          options: picker.units.map((u) => ({ label: u.name, value: u.id })),
          ...(picker.taken ? { taken: picker.taken } : {}),
          hint: picker.hint,
        };
      // Derived, never typed: the year is the collection's, the framework follows the unit's
      // group (the preSave handler writes it).
      case 'year':
        return { name, label: label(name, prop), widget: 'hidden', default: year };
      case 'framework':
        return { name, label: label(name, prop), widget: 'hidden', default: '' };
    }
    const field = own(name, prop);
    if (!field) throw new Error(`CMS config: no form field for ${kind} property "${name}"`);
    return field;
  });
}

/** What sets one collection apart from the other: the rest is one YAML file per unit and year. */
interface CollectionParts {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  create: boolean;
  /** Where uploads go, as a repository path. */
  media: string;
  preview: boolean;
  fields: Field[];
}

function unitFilesCollection(parts: CollectionParts, env: CmsEnvironment): Record<string, unknown> {
  return {
    name: parts.name,
    label: parts.label,
    label_singular: parts.label_singular,
    description: parts.description,
    folder: parts.folder,
    extension: 'yaml',
    // Registered in site/cms/main.ts: a save changes only the lines of what changed (site/cms/yaml-patch.ts).
    format: ENTRY_FORMAT,
    create: parts.create,
    // Deleting a merged file writes the main branch directly: only administrators do that, in git.
    delete: false,
    slug: '{{unit}}',
    identifier_field: 'unit',
    summary: `{{${UNIT_NAME_KEY}}}`,
    sortable_fields: [],
    // Merging is the gate's job: on GitHub the merge bot after the Check, never an officer's
    // button; the local portal keeps the button and vetoes through the same gate.
    publish: env.mode === 'local',
    media_folder: `/${parts.media}`,
    public_folder: parts.media,
    editor: { preview: parts.preview },
    fields: parts.fields,
  };
}

function selfAssessmentCollection(registry: Registry, year: number, schema: JsonSchema, env: CmsEnvironment, existing?: string[]): Record<string, unknown> {
  const folder = `${CONTENT_DIRS.selfAssessments}/${year}`;
  const units = unitsForYear(registry, year);
  const picker: UnitPicker = {
    units,
    // A unit whose table is on the main branch is edited there: a second one would be saved as
    // "<unit>-1.yaml", which the rules refuse.
    ...(existing ? { taken: existing } : {}),
    hint: 'Chọn đơn vị khi tạo bảng mới (đơn vị đã có bảng thì mở bảng đó để sửa); không đổi đơn vị của bảng đã có.',
  };
  const fields = formFields('self-assessment', year, schema.properties ?? {}, picker, (name, prop) => {
    switch (name) {
      case 'preparedBy': return { name, label: label(name, prop), widget: 'object', required: false, collapsed: false, fields: stringFields(prop) };
      case 'items': return { name, label: label(name, prop), widget: SCORE_TABLE_WIDGET, year, hint: prop.description };
      default: return undefined;
    }
  });
  return unitFilesCollection({
    name: collectionName(year),
    label: `Tự chấm điểm năm ${year}`,
    label_singular: `bảng tự chấm điểm năm ${year}`,
    description: `Mỗi đơn vị một bảng: ${folder}/<mã đơn vị>.yaml. Tài liệu kiểm chứng tải lên ${CONTENT_DIRS.evidence}/${year}/<mã đơn vị>/.`,
    folder,
    create: canCreate(picker),
    media: `${CONTENT_DIRS.evidence}/${year}/{{unit}}`,
    preview: true,
    fields,
  }, env);
}

/** What the council's collections need besides the registry (the officers' unit picker uses `selfAssessed` too). */
export interface AppraisalInput {
  schema: JsonSchema;
  /** Per year, the units whose self-assessment is in the repository (the ones that can be appraised). */
  selfAssessed: Map<number, string[]>;
  /** Per year, the units whose appraisal file exists already (not offered for a new one). */
  appraised?: Map<number, string[]>;
}

/** Units a year's appraisal may be created for: those with a self-assessment that year. */
export function unitsToAppraise(registry: Registry, selfAssessed: string[]): Unit[] {
  const ids = new Set(selfAssessed);
  return [...registry.units.values()].filter((u) => ids.has(u.id)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function resolveRef(root: JsonSchema, prop: JsonSchema): JsonSchema {
  const m = prop.$ref ? /^#\/\$defs\/(.+)$/.exec(prop.$ref) : null;
  return m && root.$defs?.[m[1]!] ? { ...root.$defs[m[1]!], description: prop.description ?? root.$defs[m[1]!]!.description } : prop;
}

function adjustmentField(name: 'bonus' | 'penalty', prop: JsonSchema, cap: number | undefined): Record<string, unknown> {
  const vi = name === 'bonus' ? 'thưởng' : 'trừ';
  // A year without this adjustment shows no input; a value written by hand is kept for the
  // appraisal-adjustment-cap rule to name.
  if (cap === undefined) return { name, label: `Điểm ${vi}`, widget: 'hidden', required: false };
  const sub = prop.properties ?? {};
  const fields = Object.keys(sub).map((key) => {
    switch (key) {
      // Optional as a whole: the form cannot require the parts of an object left empty;
      // the schema then names a half-filled one.
      case 'points': return { name: key, label: `Số điểm ${vi}`, widget: DECIMAL_WIDGET, required: false, max: cap };
      case 'reason': return { name: key, label: 'Lý do', widget: 'string', required: false };
      default: throw new Error(`CMS config: no form field for appraisal ${name}.${key}`);
    }
  });
  return {
    name, label: `Điểm ${vi} (tối đa ${formatNumber(cap)} điểm)`, widget: 'object', required: false, collapsed: false, fields,
    hint: `${(prop.description ?? `Điểm ${vi}`).replace(/\.$/, '')}. Để trống nếu không có.`,
  };
}

function appraisalCollection(registry: Registry, year: number, input: AppraisalInput, env: CmsEnvironment): Record<string, unknown> {
  const schema = input.schema;
  const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, prop]) => [name, resolveRef(schema, prop)]));
  const folder = `${CONTENT_DIRS.appraisals}/${year}`;
  const units = unitsToAppraise(registry, input.selfAssessed.get(year) ?? []);
  const caps = registry.campaigns.get(year)?.adjustments;
  const picker: UnitPicker = {
    units,
    // Decap would save a second file as "<unit>-1.yaml", which the rules then refuse.
    taken: input.appraised?.get(year) ?? [],
    hint: 'Chỉ các đơn vị đã có bảng tự chấm năm nay và chưa có kết quả thẩm định. Không đổi đơn vị của kết quả đã có.',
  };
  const fields = formFields('appraisal', year, props, picker, (name, prop) => {
    switch (name) {
      case 'appraisers': return { name, label: label(name, prop), widget: NAMES_WIDGET, required: false, hint: 'Mỗi dòng một người.' };
      case 'bonus': return adjustmentField('bonus', prop, caps?.bonusMax);
      case 'penalty': return adjustmentField('penalty', prop, caps?.penaltyMax);
      case 'items': return { name, label: 'Thẩm định theo bộ tiêu chí', widget: APPRAISAL_TABLE_WIDGET, year, hint: prop.description };
      default: return undefined;
    }
  });
  return unitFilesCollection({
    name: appraisalCollectionName(year),
    label: `Thẩm định năm ${year}`,
    label_singular: `kết quả thẩm định năm ${year}`,
    description: `Hội đồng thẩm định: mỗi đơn vị một tệp ${folder}/<mã đơn vị>.yaml, đặt cạnh bảng tự chấm, giải trình và tài liệu kiểm chứng của đơn vị.`,
    folder,
    create: canCreate(picker),
    // Nothing is uploaded here; a folder of its own keeps Decap from loading any evidence.
    media: `${folder}/tep-dinh-kem`,
    // The table is wide (the unit's column beside the council's): no preview pane.
    preview: false,
    fields,
  }, env);
}

export function buildCmsConfig(registry: Registry, schema: JsonSchema, env: CmsEnvironment, appraisal?: AppraisalInput): Record<string, unknown> {
  const years = [...registry.campaigns.keys()].sort((a, b) => b - a);
  const backend: Record<string, unknown> = {
    name: 'github', repo: env.repo, branch: env.branch, squash_merges: false,
    ...(env.apiRoot ? { api_root: env.apiRoot } : {}),
    ...(env.baseUrl ? { base_url: env.baseUrl } : {}),
    ...(env.authEndpoint ? { auth_endpoint: env.authEndpoint } : {}),
    commit_messages: {
      create: 'Tạo {{collection}} “{{slug}}”',
      update: 'Cập nhật {{collection}} “{{slug}}”',
      delete: 'Xóa {{collection}} “{{slug}}”',
      uploadMedia: 'Tải lên “{{path}}”',
      deleteMedia: 'Xóa “{{path}}”',
    },
  };
  // The portal names its git API directly rather than through `local_backend`, whose probe only
  // runs on localhost and would otherwise fall back to a GitHub login the officer cannot use.
  const local = { name: 'proxy', proxy_url: env.localBackendUrl, branch: 'main', commit_messages: backend.commit_messages };
  return {
    load_config_file: false,
    locale: 'vi',
    backend: env.mode === 'local' ? local : backend,
    publish_mode: 'editorial_workflow',
    media_folder: CONTENT_DIRS.evidence,
    public_folder: CONTENT_DIRS.evidence,
    ...(env.siteUrl ? { site_url: env.siteUrl, display_url: env.siteUrl } : {}),
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      ...years.map((y) => selfAssessmentCollection(registry, y, schema, env, appraisal?.selfAssessed.get(y))),
      ...(appraisal ? years.map((y) => appraisalCollection(registry, y, appraisal, env)) : []),
    ],
  };
}

/** Registry files as text: what the browser needs to rebuild the registry with the core loader. */
export async function registryFiles(contentRoot: string): Promise<Record<string, string>> {
  const source = fsSource(contentRoot);
  const dirs = [CONTENT_DIRS.units, CONTENT_DIRS.frameworks, CONTENT_DIRS.campaigns];
  const paths = (await Promise.all(dirs.map((d) => source.list(d)))).flat().filter((p) => /\.ya?ml$/.test(p));
  if (await source.read(CONTENT_DIRS.access)) paths.push(CONTENT_DIRS.access);
  // The trust store too: the browser verifies signatures against it (docs/evidence.md).
  paths.push(...(await source.list(CONTENT_DIRS.trust)).filter((p) => /\.(pem|crt)$/i.test(p)));
  const out: Record<string, string> = {};
  for (const p of paths) out[p] = (await readText(source, p)) ?? '';
  return out;
}

export function readSelfAssessmentSchema(repoRoot: string): JsonSchema {
  return JSON.parse(readFileSync(join(repoRoot, SCHEMA_FILES['self-assessment']), 'utf8')) as JsonSchema;
}

export function readAppraisalSchema(repoRoot: string): JsonSchema {
  return JSON.parse(readFileSync(join(repoRoot, SCHEMA_FILES.appraisal), 'utf8')) as JsonSchema;
}

/** Per campaign year, the units with a file of `kind` (self-assessment or appraisal) in `contentRoot`. */
export async function unitsWithFiles(contentRoot: string, years: number[], kind: 'self-assessment' | 'appraisal' = 'self-assessment'): Promise<Map<number, string[]>> {
  const source = fsSource(contentRoot);
  const dir = kind === 'self-assessment' ? CONTENT_DIRS.selfAssessments : CONTENT_DIRS.appraisals;
  const out = new Map<number, string[]>();
  for (const year of years) {
    const files = await source.list(`${dir}/${year}`);
    out.set(year, files.map((p) => classifyPath(p)).filter((i) => i?.kind === kind && i.year === year).map((i) => i!.id));
  }
  return out;
}

export function selfAssessedUnits(contentRoot: string, years: number[]): Promise<Map<number, string[]>> {
  return unitsWithFiles(contentRoot, years, 'self-assessment');
}

/** Everything the /admin/ page embeds. `contentRoot` is the checkout whose content/ is edited. */
/** PARINDEX_NOW, which the portal hands the site: the editor's deadline notice uses the gate's clock. */
function fixedNow(env: Env | undefined): { now?: string } {
  const text = env?.PARINDEX_NOW;
  const at = text ? parseInstant(text) : null;
  return at ? { now: at.toISOString() } : {};
}

export async function cmsPageData(options: { repoRoot: string; contentRoot?: string; env?: Env }): Promise<CmsPageData> {
  const env = cmsEnvironment(options.env);
  const files = await registryFiles(options.contentRoot ?? options.repoRoot);
  const { registry } = await loadRegistry(memorySource(files));
  const years = [...registry.campaigns.keys()].sort((a, b) => b - a);
  const contentRoot = options.contentRoot ?? options.repoRoot;
  const council: AppraisalInput = {
    schema: readAppraisalSchema(options.repoRoot),
    selfAssessed: await unitsWithFiles(contentRoot, years, 'self-assessment'),
    appraised: await unitsWithFiles(contentRoot, years, 'appraisal'),
  };
  const config = buildCmsConfig(registry, readSelfAssessmentSchema(options.repoRoot), env, council);
  return {
    mode: env.mode, config, registryFiles: files,
    collections: years.map((year) => ({ name: collectionName(year), year })),
    appraisals: years.map((year) => ({ name: appraisalCollectionName(year), year })),
    ...fixedNow(options.env),
  };
}
