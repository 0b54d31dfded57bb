// The /admin/ page's script: Decap's core with only what this CMS uses (two backends, two stock
// widgets, our widgets and preview; the officers' and the council's collections), the completed Vietnamese locale, and the config the page
// was built with. Importing decap-cms-core rather than decap-cms-app halves the bundle.
import { DecapCmsCore as CMS } from 'decap-cms-core';
import { fromJS } from 'immutable';
import { GitHubBackend } from 'decap-cms-backend-github';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import StringWidget from 'decap-cms-widget-string';
import ObjectWidget from 'decap-cms-widget-object';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import vi from 'decap-cms-locales/dist/esm/vi/index.js';
import { mergeLocale } from './locale.js';
import {
  APPRAISAL_TABLE_WIDGET, DECIMAL_WIDGET, ENTRY_FORMAT, NAMES_WIDGET, PAGE_DATA_ELEMENT_ID, SCORE_TABLE_WIDGET, UNIT_WIDGET,
  yearOfAppraisalCollection, yearOfCollection, type CmsPageData,
} from './page-data.js';
import { initRegistry, registry } from './registry.js';
import { setNow } from './clock.js';
import { guardBackend } from './backend-guard.js';
import { ScoreTableControl } from './score-table/control.js';
import { UnitControl, UnitPreview } from './unit-widget.js';
import { AppraisalTableControl, AppraisalTablePreview } from './appraisal/control.js';
import { normalizeAppraisalData } from './appraisal/data.js';
import { DecimalControl, DecimalPreview, NamesControl, NamesPreview } from './small-widgets.js';
import { PREVIEW_CSS, ScoreTablePreview, SelfAssessmentPreview } from './preview.js';
import { normalizeEntryData } from './entry-data.js';
import { openEntryRaw, showStatus, toast } from './decap-store.js';
import { entryFormat } from './entry-format.js';
import { S } from './strings.js';

interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
  merge(values: unknown): ImmutableMap;
}

function readPageData(): CmsPageData {
  const el = document.getElementById(PAGE_DATA_ELEMENT_ID);
  if (!el?.textContent) throw new Error(S.pageDataMissing);
  return JSON.parse(el.textContent) as CmsPageData;
}

async function start(): Promise<void> {
  // Marks for the benchmark: when the bundle ran, and when Decap was handed the config.
  performance.mark('parindex:bundle-ran');
  const data = readPageData();
  await initRegistry(data.registryFiles);
  setNow(data.now);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const cms = CMS as any;

  cms.registerLocale('vi', mergeLocale(en, vi).phrases);

  const policy = {
    allowPublish: data.mode === 'local',
    onDemoted: (collection: string, slug: string) => {
      showStatus(collection, slug, 'draft');
      toast(yearOfAppraisalCollection(collection) === null ? S.demoted : S.appraisal.demoted, 'warning', 12_000);
    },
  };
  cms.registerBackend('github', guardBackend(GitHubBackend, policy));
  // Decap's local backend always runs as "proxy", whatever the config's backend name.
  cms.registerBackend('proxy', guardBackend(ProxyBackend, policy));

  cms.registerCustomFormat(ENTRY_FORMAT, 'yaml', entryFormat(openEntryRaw, (id) => registry().units.get(id)?.name));

  cms.registerWidget([StringWidget.Widget(), ObjectWidget.Widget()]);
  cms.registerWidget(SCORE_TABLE_WIDGET, ScoreTableControl, ScoreTablePreview, { properties: { year: { type: 'integer' } } });
  cms.registerWidget(UNIT_WIDGET, UnitControl, UnitPreview, { properties: { options: { type: 'array' }, taken: { type: 'array' } } });
  cms.registerWidget(APPRAISAL_TABLE_WIDGET, AppraisalTableControl, AppraisalTablePreview, { properties: { year: { type: 'integer' } } });
  cms.registerWidget(DECIMAL_WIDGET, DecimalControl, DecimalPreview, { properties: { max: { type: 'number' } } });
  cms.registerWidget(NAMES_WIDGET, NamesControl, NamesPreview);

  cms.registerPreviewStyle(PREVIEW_CSS, { raw: true });
  for (const c of data.collections) cms.registerPreviewTemplate(c.name, SelfAssessmentPreview);

  // The year and framework are derived, and every criterion is written in framework order.
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: ImmutableMap }) => {
      const collection = String(entry.get('collection'));
      const year = yearOfCollection(collection);
      const current = entry.get('data') as ImmutableMap;
      // The council's file: written whole, so emptied optional fields (bonus…) are dropped.
      const appraisalYear = yearOfAppraisalCollection(collection);
      if (appraisalYear !== null) return fromJS(normalizeAppraisalData(current.toJS(), appraisalYear));
      if (year === null) return current;
      const normalized = normalizeEntryData(current.toJS(), year);
      return current.merge(fromJS({ year: normalized.year, framework: normalized.framework ?? current.get('framework'),
        items: normalized.items, ...(normalized.preparedBy ? { preparedBy: normalized.preparedBy } : {}) }));
    },
  });

  performance.mark('parindex:cms-init');
  cms.init({ config: data.config });
}

// Decap's editor awaits a failed save without catching it: the promise rejects with the Redux
// failure action (an "Uncaught (in promise) Object" page error) after the toast has already told
// the officer why. That rejection is handled here; anything else still surfaces.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as { type?: unknown } | null | undefined;
  if (reason && typeof reason === 'object' && typeof reason.type === 'string' && reason.type.endsWith('_FAILURE')) event.preventDefault();
});

start().catch((error: unknown) => {
  document.body.textContent = S.startFailed((error as Error)?.message ?? String(error));
});
