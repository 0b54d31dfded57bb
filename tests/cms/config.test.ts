// The Decap config is generated from the schema and the registry: one collection per campaign
// year, a field for every self-assessment property, units limited to the year's active units,
// evidence in the unit's folder, and the backend chosen by the build environment.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCmsConfig, cmsEnvironment, cmsPageData, readAppraisalSchema, readSelfAssessmentSchema, selfAssessedUnits, unitsForYear, unitsToAppraise,
} from '../../scripts/generate/cms.js';
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { baseSource, baseText, BASE_ROOT, REPO_ROOT, withFiles } from '../helpers/fixtures.js';
import { APPRAISAL_TABLE_WIDGET, DECIMAL_WIDGET, NAMES_WIDGET, SCORE_TABLE_WIDGET, UNIT_WIDGET } from '../../site/cms/page-data.js';

type Field = { name: string; widget: string; fields?: Field[]; options?: { value: string }[]; required?: boolean; pattern?: [string, string]; year?: number };
type Collection = { name: string; folder: string; fields: Field[]; media_folder: string; publish: boolean; create: boolean; slug: string; delete: boolean };

async function config(env: Record<string, string> = {}) {
  const { registry } = await loadRegistry(baseSource());
  return buildCmsConfig(registry, readSelfAssessmentSchema(REPO_ROOT), cmsEnvironment(env)) as {
    backend: Record<string, unknown>; collections: Collection[]; locale: string; publish_mode: string; load_config_file: boolean;
  };
}

describe('generated CMS config', () => {
  test('one self-assessment collection per campaign year, editorial workflow, Vietnamese', async () => {
    const c = await config();
    expect(c.locale).toBe('vi');
    expect(c.load_config_file).toBe(false);
    expect(c.publish_mode).toBe('editorial_workflow');
    expect(c.collections.map((x) => [x.name, x.folder])).toEqual([['self-assessments-2023', 'content/self-assessments/2023']]);
    const col = c.collections[0]!;
    expect(col.slug).toBe('{{unit}}');
    expect(col.media_folder).toBe('/content/evidence/2023/{{unit}}');
    expect(col.delete).toBe(false);
  });

  test('every property of the self-assessment schema has its field, in schema order', async () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/self-assessment.schema.json'), 'utf8'));
    const col = (await config()).collections[0]!;
    expect(col.fields.map((f) => f.name)).toEqual(Object.keys(schema.properties));
    const items = col.fields.find((f) => f.name === 'items')!;
    expect(items.widget).toBe(SCORE_TABLE_WIDGET);
    expect(items.year).toBe(2023);
    const prepared = col.fields.find((f) => f.name === 'preparedBy')!;
    expect(prepared.fields!.map((f) => f.name)).toEqual(Object.keys(schema.properties.preparedBy.properties));
    // Decap's own validation would block a draft's save (issue 13, item 6): the rules judge these.
    expect(prepared.required).toBe(false);
    for (const f of prepared.fields!) expect([f.name, f.required, f.pattern]).toEqual([f.name, false, undefined]);
  });

  test('a unit can be chosen only if it is active and in one of the year’s groups', async () => {
    const col = (await config()).collections[0]!;
    const unit = col.fields.find((f) => f.name === 'unit')!;
    expect(unit.widget).toBe(UNIT_WIDGET);
    expect(unit.options!.map((o) => o.value).sort()).toEqual(['don-vi-a', 'don-vi-b']); // don-vi-cu closed in 2020
    const { registry } = await loadRegistry(baseSource());
    expect(unitsForYear(registry, 2031)).toEqual([]);
  });

  test('a unit whose table is already in the repository is not offered for a new one', async () => {
    const { registry } = await loadRegistry(baseSource());
    const build = (selfAssessed: string[]) => (buildCmsConfig(registry, readSelfAssessmentSchema(REPO_ROOT), cmsEnvironment({}),
      { schema: readAppraisalSchema(REPO_ROOT), selfAssessed: new Map([[2023, selfAssessed]]) }) as { collections: Collection[] })
      .collections.find((x) => x.name === 'self-assessments-2023')!;
    const one = build(['don-vi-a']);
    expect((one.fields.find((f) => f.name === 'unit') as Field & { taken?: string[] }).taken).toEqual(['don-vi-a']);
    expect(one.create).toBe(true);
    // Every unit of the year has its table: nothing left to create.
    expect(build(['don-vi-a', 'don-vi-b']).create).toBe(false);
  });

  test('GitHub build: repository from the environment, merging left to the gate', async () => {
    const c = await config({ PARINDEX_CMS_REPO: 'snv-thainguyen/chi-so-cchc', PARINDEX_CMS_API_ROOT: 'https://ghe.example.vn/api/v3' });
    expect(c.backend).toMatchObject({ name: 'github', repo: 'snv-thainguyen/chi-so-cchc', branch: 'main', api_root: 'https://ghe.example.vn/api/v3' });
    expect(c.collections[0]!.publish).toBe(false);
    expect((await config({ GITHUB_REPOSITORY: 'a/b' })).backend.repo).toBe('a/b');
  });

  test('portal build: decap-server on the portal port, merge button kept for the gate to judge', async () => {
    const c = await config({ PARINDEX_CMS_LOCAL: '1', PARINDEX_BACKEND_PORT: '9091' });
    expect(c.backend).toMatchObject({ name: 'proxy', proxy_url: 'http://localhost:9091/api/v1', branch: 'main' });
    expect(c.collections[0]!.publish).toBe(true);
    expect((await config({ PARINDEX_CMS_LOCAL: '1', PARINDEX_CMS_BACKEND_URL: 'http://127.0.0.1:7000/api/v1' })).backend.proxy_url).toBe('http://127.0.0.1:7000/api/v1');
  });

  test('page data carries the registry files the browser re-parses, and the trust store', async () => {
    const data = await cmsPageData({ repoRoot: REPO_ROOT, contentRoot: BASE_ROOT, env: {} });
    expect(Object.keys(data.registryFiles).sort()).toEqual([
      'content/campaigns/2023.yaml', 'content/frameworks/fw-huyen-2023.yaml', 'content/frameworks/fw-so-2023.yaml',
      'content/trust/test-root.pem', 'content/units/don-vi-a.yaml', 'content/units/don-vi-b.yaml', 'content/units/don-vi-cu.yaml',
    ]);
    expect(data.collections).toEqual([{ name: 'self-assessments-2023', year: 2023 }]);
    expect(data.mode).toBe('github');
  });
});

describe('generated CMS config: the council’s appraisal collections', () => {
  type AppraisalField = Field & { label?: string; max?: number; hint?: string; taken?: string[] };
  async function councilConfig(env: Record<string, string> = {}, campaignExtra = '') {
    const source = campaignExtra ? withFiles({ 'content/campaigns/2023.yaml': baseText('content/campaigns/2023.yaml') + campaignExtra }) : baseSource();
    const { registry } = await loadRegistry(source);
    const input = { schema: readAppraisalSchema(REPO_ROOT), selfAssessed: await selfAssessedUnits(BASE_ROOT, [2023]) };
    const c = buildCmsConfig(registry, readSelfAssessmentSchema(REPO_ROOT), cmsEnvironment(env), input) as { collections: (Collection & { editor: { preview: boolean }; fields: AppraisalField[] })[] };
    return c.collections.find((x) => x.name === 'appraisals-2023')!;
  }

  test('one appraisal collection per campaign year, beside the self-assessments, without a preview pane', async () => {
    const col = await councilConfig();
    expect(col).toMatchObject({ folder: 'content/appraisals/2023', slug: '{{unit}}', delete: false, create: true, editor: { preview: false } });
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/appraisal.schema.json'), 'utf8'));
    expect(col.fields.map((f) => f.name)).toEqual(Object.keys(schema.properties));
    const items = col.fields.find((f) => f.name === 'items')!;
    expect(items.widget).toBe(APPRAISAL_TABLE_WIDGET);
    expect(items.year).toBe(2023);
    expect(col.fields.find((f) => f.name === 'appraisers')!.widget).toBe(NAMES_WIDGET);
    expect(col.fields.filter((f) => f.name === 'year' || f.name === 'framework').map((f) => f.widget)).toEqual(['hidden', 'hidden']);
    // Merging stays the gate's job on GitHub, as for the officers.
    expect(col.publish).toBe(false);
    expect((await councilConfig({ PARINDEX_CMS_LOCAL: '1' })).publish).toBe(true);
  });

  test('only units with a self-assessment that year can be appraised', async () => {
    const unit = (await councilConfig()).fields.find((f) => f.name === 'unit')! as AppraisalField;
    expect(unit.widget).toBe(UNIT_WIDGET);
    // don-vi-b is active in 2023 but has no self-assessment; don-vi-cu closed in 2020.
    expect(unit.options!.map((o) => o.value)).toEqual(['don-vi-a']);
    expect(unit.taken).toEqual([]);
    const { registry } = await loadRegistry(baseSource());
    expect(unitsToAppraise(registry, [])).toEqual([]);
    // A unit appraised already is not offered again (Decap would write "<unit>-1.yaml").
    const input = { schema: readAppraisalSchema(REPO_ROOT), selfAssessed: new Map([[2023, ['don-vi-a']]]), appraised: new Map([[2023, ['don-vi-a']]]) };
    const c = buildCmsConfig(registry, readSelfAssessmentSchema(REPO_ROOT), cmsEnvironment({}), input) as { collections: Collection[] };
    const col = c.collections.find((x) => x.name === 'appraisals-2023')!;
    expect((col.fields.find((f) => f.name === 'unit') as AppraisalField).taken).toEqual(['don-vi-a']);
    expect(col.create).toBe(false);
  });

  test('bonus and penalty show the campaign’s caps; a year without them offers no input', async () => {
    const none = await councilConfig();
    expect(none.fields.filter((f) => f.name === 'bonus' || f.name === 'penalty').map((f) => f.widget)).toEqual(['hidden', 'hidden']);
    const capped = await councilConfig({}, 'adjustments: { bonusMax: 2, penaltyMax: 1.5 }\n');
    const bonus = capped.fields.find((f) => f.name === 'bonus')!;
    const penalty = capped.fields.find((f) => f.name === 'penalty')!;
    expect(bonus).toMatchObject({ widget: 'object', label: 'Điểm thưởng (tối đa 2 điểm)' });
    expect(penalty).toMatchObject({ widget: 'object', label: 'Điểm trừ (tối đa 1,5 điểm)' });
    expect(bonus.fields!.map((f) => [f.name, f.widget])).toEqual([['points', DECIMAL_WIDGET], ['reason', 'string']]);
    expect((penalty.fields!.find((f) => f.name === 'points') as AppraisalField).max).toBe(1.5);
  });

  test('a new appraisal property without a form field fails the build', async () => {
    const { registry } = await loadRegistry(baseSource());
    const schema = readAppraisalSchema(REPO_ROOT);
    schema.properties = { ...schema.properties, signedBy: { type: 'string' } };
    expect(() => buildCmsConfig(registry, readSelfAssessmentSchema(REPO_ROOT), cmsEnvironment({}), { schema, selfAssessed: new Map() }))
      .toThrow(/no form field for appraisal property "signedBy"/);
  });

  test('page data lists the appraisal collections next to the officers’', async () => {
    const data = await cmsPageData({ repoRoot: REPO_ROOT, contentRoot: BASE_ROOT, env: {} });
    expect(data.appraisals).toEqual([{ name: 'appraisals-2023', year: 2023 }]);
    const names = (data.config as { collections: { name: string }[] }).collections.map((c) => c.name);
    expect(names).toEqual(['self-assessments-2023', 'appraisals-2023']);
  });
});
