// The download files of a published year: one name scheme for the endpoints and the links.
import { vi } from '../i18n/vi';
import type { Published } from './results.js';
import { formatDate, formatDateTime } from '../../scripts/core/format.js';
import type { XlsxLabels } from '../../scripts/site/xlsx.js';

export type DownloadFormat = 'csv' | 'xlsx' | 'json';

export function downloadName(year: number, format: DownloadFormat): string {
  return `chi-so-cchc-${year}.${format}`;
}

export function xlsxLabels(p: Published, now: Date): XlsxLabels {
  const pub = p.campaign.publication;
  return {
    sheets: vi.downloads.xlsx_sheets,
    domainHeaders: vi.downloads.xlsx_domain_headers,
    about: {
      title: vi.downloads.xlsx_about.title(p.year),
      stage: vi.downloads.xlsx_about.stage,
      stageName: vi.results.stage[p.stage],
      decision: vi.downloads.xlsx_about.decision,
      decisionText: pub.decision ? vi.results.decision(pub.decision, pub.date ? formatDate(pub.date) : '', pub.issuer ?? '') : '',
      generated: vi.downloads.xlsx_about.generated,
      generatedText: formatDateTime(now, p.campaign.timezone),
    },
  };
}
