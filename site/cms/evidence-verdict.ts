// The verification result of one evidence file (signatures: signer, time, verdict; the printed
// header against what was declared), under the document in the officer's form and beside it in
// the council's appraisal view. The engine's inspector reads and verifies the file once; this
// only renders scripts/core/evidence/summary.ts's lines.
import { createElement as h, useEffect, useState } from 'react';
import type { EvidenceInfo } from '../../scripts/core/rules/types.js';
import { summarizeEvidence, type SummaryLine } from '../../scripts/core/evidence/summary.js';

interface Props {
  path: string;
  number?: string;
  date?: string;
  inspect: (path: string) => Promise<EvidenceInfo>;
}

const CLASS: Record<SummaryLine['tone'], string> = { ok: 'pi-verdict-ok', warn: 'pi-verdict-warn', bad: 'pi-note-bad', note: 'pi-note' };

export function EvidenceVerdict({ path, number, date, inspect }: Props) {
  const [lines, setLines] = useState<SummaryLine[] | null>(null);
  useEffect(() => {
    let live = true;
    setLines(null);
    inspect(path).then((info) => { if (live) setLines(summarizeEvidence(info, { number, date })); },
      () => { if (live) setLines([{ tone: 'bad', text: 'Không kiểm tra được tệp.' }]); });
    return () => { live = false; };
  }, [path, number, date, inspect]);
  return h('div', { className: 'pi-verdict', 'data-verdict': path, 'aria-live': 'polite' },
    lines === null
      ? h('div', { className: 'pi-note' }, 'Đang kiểm tra chữ ký số…')
      : lines.map((l, i) => h('div', { key: i, className: CLASS[l.tone], 'data-tone': l.tone }, l.text)));
}

export const VERDICT_CSS = `
.pi-verdict { margin: 2px 0 4px; }
.pi-verdict-ok { font-size: 13px; color: #1d6b3a; }
.pi-verdict-warn { font-size: 13px; color: #8a5a00; }
`;
