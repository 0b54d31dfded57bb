// The site's small pure helpers: which URLs may become links, which evidence paths are
// published, the base path, chart colours and geometry, tree rows, and which stage is public.
import { describe, expect, it } from 'vitest';
import { evidenceHref, evidencePath, href, safeExternalUrl } from '../../site/lib/links.js';
import { barPercent, contrastRatio, heatColor, HEAT_LEGEND } from '../../site/lib/charts.js';
import { treeRows } from '../../site/lib/tree.js';
import { publishedResult, publishedYears } from '../../site/lib/results.js';
import { siteBase } from '../../scripts/site/config.js';
import { loadContent } from '../../scripts/core/load/content.js';
import { scoreYear } from '../../scripts/core/score/year.js';
import type { NodeResult } from '../../scripts/core/score/index.js';
import { baseSource, baseText, withFiles } from '../helpers/fixtures.js';

describe('links', () => {
  it('only http(s) URLs become links', () => {
    expect(safeExternalUrl('https://example.gov.vn/a b.pdf')).toBe('https://example.gov.vn/a%20b.pdf');
    expect(safeExternalUrl('http://example.gov.vn')).toBe('http://example.gov.vn/');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', '/relative', 'file:///etc/passwd', '', undefined, 42]) {
      expect(safeExternalUrl(bad), String(bad)).toBeNull();
    }
  });

  it('publishes an evidence file only from the citing unit’s own folder of that year', () => {
    expect(evidencePath('content/evidence/2023/don-vi-a/bao-cao.pdf', 2023, 'don-vi-a')).toBe('content/evidence/2023/don-vi-a/bao-cao.pdf');
    expect(evidencePath('content/evidence/2023/don-vi-a/Báo cáo số 5.pdf', 2023, 'don-vi-a')).toBe('content/evidence/2023/don-vi-a/Báo cáo số 5.pdf');
    for (const bad of [
      'content/evidence/2023/don-vi-b/bao-cao.pdf', 'content/evidence/2022/don-vi-a/bao-cao.pdf',
      'content/evidence/2023/don-vi-a/../../../../etc/passwd', '/etc/passwd', 'https://x/y.pdf',
      'content/evidence/2023/don-vi-a/', 'content/evidence/2023/don-vi-a/"onmouseover=x.pdf',
    ]) expect(evidencePath(bad, 2023, 'don-vi-a'), bad).toBeNull();
  });

  it('writes internal links under the configured base, percent-encoding evidence names', () => {
    expect(siteBase({})).toBe('/');
    expect(siteBase({ PARINDEX_BASE: 'chi-so' })).toBe('/chi-so/');
    expect(siteBase({ PARINDEX_BASE: '/a/b' })).toBe('/a/b/');
    expect(siteBase({ PARINDEX_BASE: '//' })).toBe('/');
    const saved = { base: process.env.PARINDEX_BASE, repo: process.env.PARINDEX_REPO_URL };
    try {
      process.env.PARINDEX_BASE = '/chi-so/';
      delete process.env.PARINDEX_REPO_URL;
      expect(href('ket-qua/2023/')).toBe('/chi-so/ket-qua/2023/');
      expect(evidenceHref('content/evidence/2023/don-vi-a/Báo cáo.pdf')).toBe('/chi-so/minh-chung/2023/don-vi-a/B%C3%A1o%20c%C3%A1o.pdf');
      process.env.PARINDEX_REPO_URL = 'https://github.com/tinh/parindex/blob/main/';
      expect(evidenceHref('content/evidence/2023/don-vi-a/a.pdf')).toBe('https://github.com/tinh/parindex/blob/main/content/evidence/2023/don-vi-a/a.pdf');
      process.env.PARINDEX_REPO_URL = 'javascript:alert(1)';
      expect(evidenceHref('content/evidence/2023/don-vi-a/a.pdf')).toBe('/chi-so/minh-chung/2023/don-vi-a/a.pdf');
    } finally {
      for (const [k, v] of [['PARINDEX_BASE', saved.base], ['PARINDEX_REPO_URL', saved.repo]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('charts', () => {
  it('every heat-map step keeps AA contrast for its text, and the bands cover 0–100', () => {
    for (const s of HEAT_LEGEND) expect(contrastRatio(s.fill, s.text), s.fill).toBeGreaterThanOrEqual(4.5);
    expect(heatColor(100).fill).toBe(HEAT_LEGEND[0]!.fill);
    expect(heatColor(0).fill).toBe(HEAT_LEGEND[HEAT_LEGEND.length - 1]!.fill);
    expect(heatColor(89.99).fill).toBe(heatColor(80).fill);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('bars are proportional to the index and clamped to the track', () => {
    expect([100, 50, null, 140, -3, 82.561].map(barPercent)).toEqual([100, 50, 0, 100, 0, 82.6]);
  });
});

describe('scored trees and published results', () => {
  it('tree rows follow the framework and line up with the engine’s nodes', async () => {
    const content = await loadContent(baseSource());
    const result = scoreYear(content, 2023, 'self');
    const unit = result.groups.flatMap((g) => g.units).find((u) => u.unit === 'don-vi-a')!;
    const fw = content.registry.frameworks.get('fw-so-2023')!;
    const sa = content.years.get(2023)!.selfAssessments.get('don-vi-a')!;
    const rows = treeRows(fw, [unit.tree], sa.items);
    expect(rows.map((r) => r.code)).toEqual([...fw.byCode.keys()]);
    for (const r of rows) expect((r.results[0] as NodeResult).code).toBe(r.code);
    expect(rows.filter((r) => r.item).map((r) => r.code)).toEqual(sa.items.map((i) => i.code));
  });

  it('shows nothing for an unpublished year, self-scores without appraisals, the council’s final score with them', async () => {
    const after = new Date('2024-04-01T00:00:00+07:00');
    const unpublished = await loadContent(baseSource());
    expect(publishedResult(unpublished, 2023, after)).toBeNull();
    expect(publishedYears(unpublished, after)).toEqual([]);

    const campaign = baseText('content/campaigns/2023.yaml').replace('publication: { status: unpublished }', 'publication: { status: published, decision: "1/QĐ-UBND", date: "2024-03-01" }');
    const published = await loadContent(withFiles({ 'content/campaigns/2023.yaml': campaign }));
    expect(publishedResult(published, 2023, after)?.stage).toBe('self');
    // The decision date on the site's clock, not the status alone: before 01/03/2024 (Vietnam) nothing is public.
    expect(publishedYears(published, new Date('2024-02-29T23:59:59+07:00'))).toEqual([]);
    expect(publishedResult(published, 2023, new Date('2023-11-10T09:00:00+07:00'))).toBeNull();
    expect(publishedYears(published, new Date('2024-03-01T00:00:00+07:00'))).toEqual([2023]);

    const appraised = await loadContent(withFiles({
      'content/campaigns/2023.yaml': campaign,
      'content/appraisals/2023/don-vi-a.yaml': 'unit: don-vi-a\nyear: 2023\nframework: fw-so-2023\nitems:\n  - { code: "1.1", round1: { score: 1 }, round2: { score: 2 } }\n',
    }));
    const p = publishedResult(appraised, 2023, after)!;
    expect(p.stage).toBe('final');
    expect(p.result).toEqual(scoreYear(appraised, 2023, 'final'));
  });
});
