// The evidence records of one criterion. Each record shows as one summary line; its inputs are
// mounted only while it is open, which keeps a 100-criterion table light.
import { createElement as h, memo, useRef, useState, type ReactNode } from 'react';
import type { EvidenceDraft } from '../entry-store.js';
import type { Session } from './session.js';
import { parseViDate, showViDate } from '../input-format.js';
import { S } from '../strings.js';
import { EvidenceVerdict } from '../evidence-verdict.js';

interface Props {
  session: Session;
  code: string;
  evidence: EvidenceDraft[];
  /** Bumped by the row when its data changes, so memoised children see it. */
  version: number;
}

export const EvidenceList = memo(function EvidenceList({ session, code, evidence }: Props) {
  const [openKey, setOpenKey] = useState<number | null>(null);
  return h('div', { className: 'pi-evidence', 'data-field': 'evidence' },
    h('span', { className: 'pi-field-label' }, S.evidenceHeading),
    evidence.length === 0 ? h('div', { className: 'pi-note' }, S.evidenceNone) : null,
    ...evidence.map((ev) => h(EvidenceItem, {
      key: ev._key, session, code, ev, open: openKey === ev._key,
      setOpen: (open: boolean) => setOpenKey(open ? ev._key : null),
    })),
    h('button', {
      type: 'button', className: 'pi-btn', 'data-action': 'add-evidence',
      onClick: () => setOpenKey(session.addEvidence(code)._key),
    }, `+ ${S.evidenceAdd}`));
});

interface ItemProps {
  session: Session;
  code: string;
  ev: EvidenceDraft;
  open: boolean;
  setOpen: (open: boolean) => void;
}

function summaryLine(ev: EvidenceDraft): string {
  return S.preview.evidenceLine(ev.number ?? '', ev.date && /^\d{4}-\d{2}-\d{2}$/.test(ev.date) ? ev.date : '', ev.issuer ?? '', ev.title ?? '');
}

function EvidenceItem({ session, code, ev, open, setOpen }: ItemProps) {
  const [, repaint] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [dateBad, setDateBad] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const fileInfo: ReactNode = ev.file
    ? h('span', { className: 'pi-file' }, ev.file.split('/').pop(), ' ',
      ev.sha256 ? h('span', { className: 'pi-sha', title: S.evidenceShaTitle, 'data-sha256': ev.sha256 }, S.evidenceSha(ev.sha256)) : null)
    : null;

  // Shown as soon as a file is attached: the officer learns at once whether it is really signed.
  const verdict = ev.file ? h(EvidenceVerdict, { path: ev.file, number: ev.number, date: ev.date, inspect: session.inspectEvidence }) : null;

  if (!open) {
    return h('div', { className: 'pi-ev', 'data-evidence': ev._key },
      h('div', { className: 'pi-ev-summary' }, summaryLine(ev), ev.file ? ' · ' : '', fileInfo, ev.url ? ` · ${ev.url}` : '', ev.statisticsTable ? ` · ${S.evidenceIsTable}` : '', ' ',
        h('button', { type: 'button', className: 'pi-btn', onClick: () => setOpen(true) }, S.evidenceEdit),
        h('button', { type: 'button', className: 'pi-btn', onClick: () => session.removeEvidence(code, ev._key) }, S.evidenceRemove)),
      verdict);
  }

  const text = (field: 'number' | 'issuer' | 'title' | 'locator' | 'url', label: string, placeholder?: string) =>
    h('label', null, label, h('input', {
      type: 'text', defaultValue: ev[field] ?? '', placeholder, 'data-ev-field': field,
      onInput: (e: { currentTarget: HTMLInputElement }) => session.setEvidenceField(code, ev._key, field, e.currentTarget.value),
    }));

  const onFile = async (e: { currentTarget: HTMLInputElement }) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const why = await session.upload(code, ev._key, file);
    setBusy(false);
    setProblem(why);
    repaint((n) => n + 1);
  };

  return h('div', { className: 'pi-ev', 'data-evidence': ev._key },
    h('div', { className: 'pi-ev-grid' },
      text('number', S.evidenceNumber, S.evidenceNumberPlaceholder),
      h('label', null, S.evidenceDate, h('input', {
        type: 'text', defaultValue: showViDate(ev.date), placeholder: S.evidenceDatePlaceholder, 'data-ev-field': 'date',
        className: dateBad ? 'pi-invalid' : undefined,
        onInput: (e: { currentTarget: HTMLInputElement }) => {
          const iso = parseViDate(e.currentTarget.value);
          // An unreadable date is kept as typed: the schema then names it in the findings.
          session.setEvidenceField(code, ev._key, 'date', iso ?? e.currentTarget.value.trim());
          if ((iso === undefined) !== dateBad) setDateBad(iso === undefined);
        },
      }), dateBad ? h('span', { className: 'pi-note-bad' }, S.evidenceDateInvalid) : null),
      text('issuer', S.evidenceIssuer),
      text('title', S.evidenceTitle),
      text('locator', S.evidenceLocator),
      h('label', { style: { flexDirection: 'row', alignItems: 'center' } }, h('input', {
        type: 'checkbox', defaultChecked: !!ev.statisticsTable, 'data-ev-field': 'statisticsTable',
        onChange: (e: { currentTarget: HTMLInputElement }) => session.setStatisticsTable(code, ev._key, e.currentTarget.checked),
      }), S.evidenceStatistics)),
    h('div', { className: 'pi-line' },
      h('span', { className: 'pi-field-label' }, S.evidenceFile),
      fileInfo,
      h('input', { ref: fileInput, type: 'file', accept: 'application/pdf,.pdf', style: { display: 'none' }, 'data-ev-field': 'file', onChange: onFile }),
      h('button', { type: 'button', className: 'pi-btn', disabled: busy, onClick: () => fileInput.current?.click() }, ev.file ? S.evidenceReplace : S.evidenceUpload),
      ev.file ? h('button', { type: 'button', className: 'pi-btn', onClick: () => session.clearEvidenceFile(code, ev._key) }, S.evidenceDropFile) : null,
      busy ? h('span', { className: 'pi-note' }, S.evidenceUploading) : null,
      problem ? h('span', { className: 'pi-note-bad', role: 'alert' }, problem) : null),
    verdict,
    ev.file ? null : h('div', { className: 'pi-ev-grid' }, text('url', S.evidenceUrl, 'https://')),
    h('div', null,
      h('button', { type: 'button', className: 'pi-btn', onClick: () => setOpen(false) }, S.evidenceCollapse),
      h('button', { type: 'button', className: 'pi-btn', onClick: () => session.removeEvidence(code, ev._key) }, S.evidenceRemove)));
}
