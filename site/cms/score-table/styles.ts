// The score table's CSS, injected once. Off-screen rows skip layout and paint
// (content-visibility), which is most of what keeps a 100-criterion entry fast to open and type in.
import { VERDICT_CSS } from '../evidence-verdict.js';

const CSS = `
.pi-table { font-size: 14px; line-height: 1.45; color: #1f2933; }
.pi-table * { box-sizing: border-box; }
.pi-summary { position: sticky; top: 0; z-index: 2; background: #f5f7fa; border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
.pi-summary-total { font-weight: 700; font-size: 15px; }
.pi-summary-domains { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 4px; font-size: 13px; }
.pi-summary-domains button { background: none; border: 0; padding: 0; color: #243b53; cursor: pointer; text-align: left; font: inherit; }
.pi-summary-domains button:hover { text-decoration: underline; }
.pi-findings { border: 1px solid #d9e2ec; border-radius: 6px; margin-bottom: 12px; background: #fff; }
.pi-findings > summary { cursor: pointer; padding: 8px 12px; font-weight: 600; }
.pi-findings.pi-has-errors > summary { color: #a61b1b; }
.pi-findings ul { list-style: none; margin: 0; padding: 0 12px 8px; max-height: 260px; overflow: auto; }
.pi-findings li { padding: 3px 0; border-top: 1px solid #f0f4f8; }
.pi-findings li button { background: none; border: 0; padding: 0; cursor: pointer; text-align: left; font: inherit; color: inherit; }
.pi-findings li button:hover .pi-finding-code { text-decoration: underline; }
.pi-sev { display: inline-block; min-width: 68px; font-size: 12px; font-weight: 600; }
.pi-sev-error { color: #a61b1b; }
.pi-sev-warning { color: #8d5b00; }
.pi-finding-code { font-weight: 600; margin-right: 6px; }
.pi-heading { margin: 14px 0 6px; display: flex; justify-content: space-between; gap: 12px; align-items: baseline; }
.pi-heading-0 { font-size: 16px; font-weight: 700; border-bottom: 2px solid #334e68; padding-bottom: 3px; }
.pi-heading-1, .pi-heading-2, .pi-heading-3 { font-size: 14px; font-weight: 600; color: #334e68; }
.pi-heading-total { white-space: nowrap; font-weight: 600; }
.pi-row { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; background: #fff;
  content-visibility: auto; contain-intrinsic-size: auto 320px; }
.pi-row.pi-row-error { border-color: #e3a3a3; }
.pi-row.pi-flash { animation: pi-flash 1.6s ease-out; }
@keyframes pi-flash { from { box-shadow: 0 0 0 3px #f0b429; } to { box-shadow: 0 0 0 0 transparent; } }
.pi-row-head { display: flex; gap: 8px; align-items: baseline; }
.pi-code { font-weight: 700; white-space: nowrap; }
.pi-title { flex: 1; font-weight: 600; }
.pi-max { white-space: nowrap; color: #486581; }
.pi-badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; background: #e3f2fd; color: #0b4f8a; margin: 2px 6px 0 0; }
.pi-levels { margin: 4px 0; padding-left: 18px; font-size: 13px; color: #486581; }
.pi-hint { font-size: 13px; color: #486581; margin: 2px 0; }
.pi-line { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin: 6px 0; }
.pi-line label { display: inline-flex; gap: 6px; align-items: center; }
.pi-table select, .pi-table input[type=text], .pi-table textarea { font: inherit; border: 1px solid #bcccdc; border-radius: 4px; padding: 4px 6px; background: #fff; }
.pi-table select { max-width: 100%; }
.pi-table textarea { width: 100%; min-height: 64px; resize: vertical; }
.pi-score-input { width: 90px; }
.pi-invalid { border-color: #d64545 !important; }
.pi-note { font-size: 13px; color: #486581; }
.pi-note-bad { font-size: 13px; color: #a61b1b; }
.pi-field-label { display: block; font-size: 13px; font-weight: 600; margin: 6px 0 2px; }
.pi-evidence { margin-top: 6px; }
.pi-ev { border-left: 3px solid #bcccdc; padding: 4px 8px; margin: 4px 0; }
.pi-ev-summary { font-size: 13px; }
.pi-ev-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 6px 10px; margin: 4px 0; }
.pi-ev-grid label { display: flex; flex-direction: column; font-size: 12px; gap: 2px; }
.pi-ev-grid input[type=text] { width: 100%; }
.pi-btn { font: inherit; font-size: 13px; border: 1px solid #9fb3c8; border-radius: 4px; background: #f0f4f8; padding: 2px 8px; cursor: pointer; margin-right: 6px; }
.pi-btn:hover { background: #d9e2ec; }
.pi-row-findings { list-style: none; margin: 6px 0 0; padding: 0; font-size: 13px; }
.pi-message { padding: 8px 12px; background: #fffbea; border: 1px solid #f0b429; border-radius: 6px; }
.pi-deadline { padding: 8px 12px; margin: 0 0 10px; background: #fff3f3; border: 1px solid #e12d39; border-radius: 6px; font-weight: 600; }
.pi-file { font-size: 13px; }
.pi-sha { font-family: ui-monospace, monospace; font-size: 12px; color: #486581; }
`;

let injected = false;

export function injectStyles(doc: Document = document): void {
  if (injected) return;
  injected = true;
  const style = doc.createElement('style');
  style.setAttribute('data-parindex', 'score-table');
  style.textContent = CSS + VERDICT_CSS;
  doc.head.appendChild(style);
}
