// The unit's side of one criterion, read-only: self-score or "not applicable", figures,
// explanation, evidence (with a link that opens the file as the repository holds it) and the
// rule engine's findings on it. Everything is rendered as React text: what a unit typed is
// shown, never run.
import { createElement as h, useState } from 'react';
import type { Evidence, FrameworkLeaf, Item } from '../../../scripts/core/model.js';
import { formatNumber } from '../../../scripts/core/format.js';
import { resolveEvidencePath } from '../../../scripts/core/rules/evidence.js';
import { RowFindings } from '../findings-panel.js';
import { EvidenceVerdict } from '../evidence-verdict.js';
import type { AppraisalSession } from './session.js';
import { S } from '../strings.js';

interface Props {
  session: AppraisalSession;
  leaf: FrameworkLeaf;
  item: Item | undefined;
}

export function SelfColumn({ session, leaf, item }: Props) {
  const self = session.store.self;
  const findings = session.store.selfChecks.findingsFor(leaf.code);
  let body;
  if (self.status === 'loading') body = [h('div', { key: 'l', className: 'pi-note' }, S.appraisal.loadingSelf)];
  else if (self.status === 'missing') body = [h('div', { key: 'm', className: 'pi-note-bad' }, self.reason)];
  else if (!item) body = [h('div', { key: 'n', className: 'pi-note-bad' }, S.appraisal.selfMissing)];
  else body = [
    h('div', { key: 's', className: 'pa-self-score' },
      h('span', { className: 'pi-field-label pa-inline' }, `${S.appraisal.selfScore}: `),
      item.notApplicable
        ? h('strong', { 'data-self-score': 'na' }, S.appraisal.selfNotApplicable)
        : h('strong', { 'data-self-score': String(item.score) }, S.points(item.score, leaf.max))),
    item.figures && leaf.measure ? h('div', { key: 'f', className: 'pi-note' },
      `${S.appraisal.figures}: ${leaf.measure.numerator.label} ${formatNumber(item.figures[leaf.measure.numerator.key] ?? 0)}; ${leaf.measure.denominator.label} ${formatNumber(item.figures[leaf.measure.denominator.key] ?? 0)}`) : null,
    h('div', { key: 'eh', className: 'pi-field-label' }, S.appraisal.explanation),
    item.explanation
      ? h('div', { key: 'e', className: 'pa-explanation', 'data-self-explanation': leaf.code }, item.explanation)
      : h('div', { key: 'e', className: 'pi-note', 'data-self-explanation': leaf.code }, S.appraisal.noExplanation),
    h('div', { key: 'vh', className: 'pi-field-label' }, S.appraisal.evidence),
    item.evidence?.length
      ? h('ul', { key: 'v', className: 'pa-evidence' }, ...item.evidence.map((ev, i) => h(EvidenceLine, { key: i, session, ev, year: session.host.year, unit: session.unit ?? '' })))
      : h('div', { key: 'v', className: 'pi-note' }, S.appraisal.noEvidence),
  ];
  return h('section', { className: 'pa-self', 'data-self': leaf.code, 'aria-label': S.appraisal.unitSide },
    h('h5', { className: 'pa-side-title' }, S.appraisal.unitSide),
    ...body,
    findings.length ? h('div', { className: 'pi-field-label' }, S.appraisal.engineFindings) : null,
    h(RowFindings, { code: leaf.code, findings, hook: 'data-self-findings' }));
}

function EvidenceLine({ session, ev, year, unit }: { session: AppraisalSession; ev: Evidence; year: number; unit: string }) {
  const line = S.preview.evidenceLine(ev.number, ev.date, ev.issuer, ev.title);
  const extras = [ev.locator ? S.appraisal.locator(ev.locator) : '', ev.statisticsTable ? S.appraisal.statisticsTable : ''].filter(Boolean).join('; ');
  const file = ev.file !== undefined ? resolveEvidencePath(ev.file, year, unit) : null;
  return h('li', { 'data-evidence-number': ev.number },
    h('span', null, line), extras ? h('span', { className: 'pi-note' }, ` (${extras})`) : null, ' ',
    file?.inside ? h(FileLink, { session, path: file.path }) : null,
    ev.url && /^https?:\/\//i.test(ev.url)
      ? h('a', { href: ev.url, target: '_blank', rel: 'noopener noreferrer', 'data-evidence-url': ev.url }, S.appraisal.openUrl)
      : null,
    // Signer, signing time and the printed header beside the document (docs/evidence.md).
    file?.inside ? h(EvidenceVerdict, { path: file.path, number: ev.number, date: ev.date, inspect: session.inspectEvidence }) : null);
}

/**
 * A link to an evidence file read through the CMS's backend (so private repositories and the
 * local portal work alike). The bytes are fetched when the pointer or focus reaches the link,
 * so the click itself is a plain navigation the browser does not block.
 */
function FileLink({ session, path }: { session: AppraisalSession; path: string }) {
  const [href, setHref] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const load = async (): Promise<string | null> => {
    if (href) return href;
    const bytes = await session.readFile(path);
    if (!bytes) { setFailed(true); return null; }
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
    setHref(url);
    return url;
  };
  const name = path.split('/').pop() ?? path;
  return h('span', null,
    h('a', {
      href: href ?? '#', target: '_blank', rel: 'noopener', 'data-evidence-file': path, title: path,
      onPointerEnter: () => void load(), onFocus: () => void load(),
      onClick: (e: { preventDefault(): void }) => {
        if (href) return;
        e.preventDefault();
        // Opened now, inside the click, so the browser allows it; pointed at the file once read.
        const win = window.open('about:blank', '_blank');
        void load().then((url) => { if (url && win) win.location.href = url; else win?.close(); });
      },
    }, `${S.appraisal.openFile} ${name}`),
    failed ? h('span', { className: 'pi-note-bad', role: 'alert' }, ` ${S.appraisal.fileMissing(path)}`) : null);
}
