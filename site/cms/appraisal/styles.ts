// The appraisal table's own CSS, on top of the score table's (rows, headings, findings): the
// unit's column beside the council's, and the totals table.
import { injectStyles as injectScoreTableStyles } from '../score-table/styles.js';

const CSS = `
.pa-table .pi-row { contain-intrinsic-size: auto 420px; }
.pa-cols { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 12px; margin-top: 6px; }
@media (max-width: 900px) { .pa-cols { grid-template-columns: 1fr; } }
.pa-self { background: #f8fafc; border: 1px solid #e4e7eb; border-radius: 6px; padding: 6px 10px; min-width: 0; }
.pa-council { border: 1px solid #bcccdc; border-radius: 6px; padding: 6px 10px; min-width: 0; }
.pa-side-title { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .02em; color: #486581; }
.pa-inline { display: inline; }
.pa-explanation { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
.pa-evidence { margin: 2px 0; padding-left: 18px; font-size: 13px; }
.pa-evidence li { margin: 2px 0; overflow-wrap: anywhere; }
.pa-round { border: 1px solid #d9e2ec; border-radius: 4px; margin: 4px 0 8px; padding: 4px 8px 8px; min-width: 0; }
.pa-round label { display: block; }
.pa-round textarea { min-height: 48px; }
.pa-round legend { font-weight: 600; font-size: 13px; padding: 0 4px; }
.pa-round.pa-closed { opacity: .6; }
.pa-round select { width: 100%; }
.pa-evidence a { color: #0b5cad; text-decoration: underline; }
.pa-check { display: inline-flex; gap: 6px; align-items: center; margin-top: 4px; font-weight: 600; }
.pa-totals { border-collapse: collapse; width: 100%; margin: 0 0 10px; font-size: 13px; }
.pa-totals th, .pa-totals td { border: 1px solid #d9e2ec; padding: 3px 6px; text-align: left; }
.pa-totals td.num { text-align: right; white-space: nowrap; }
.pa-totals tfoot td { font-weight: 700; }
.pa-link { background: none; border: 0; padding: 0; cursor: pointer; text-align: left; font: inherit; color: #243b53; }
.pa-link:hover { text-decoration: underline; }
.pi-decimal { width: 110px; font: inherit; border: 1px solid #bcccdc; border-radius: 4px; padding: 4px 6px; }
.pi-names { width: 100%; min-height: 64px; font: inherit; border: 1px solid #bcccdc; border-radius: 4px; padding: 4px 6px; }
`;

let injected = false;

export function injectAppraisalStyles(doc: Document = document): void {
  injectScoreTableStyles(doc);
  if (injected) return;
  injected = true;
  const style = doc.createElement('style');
  style.setAttribute('data-parindex', 'appraisal-table');
  style.textContent = CSS;
  doc.head.appendChild(style);
}
