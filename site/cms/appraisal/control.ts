// The Decap widget for an appraisal's `items`: the council's fixed table of the unit's
// framework, beside the unit's self-assessment. The lifecycle against Decap is the officers'.
import { createElement as h } from 'react';
import { SessionControl, type ControlProps } from '../session-control.js';
import { APPRAISAL_TABLE_WIDGET } from '../page-data.js';
import { appraisalItemsFromValue } from './data.js';
import { AppraisalSession } from './session.js';
import { AppraisalTable } from './table.js';
import { injectAppraisalStyles } from './styles.js';
import { S } from '../strings.js';

export class AppraisalTableControl extends SessionControl<AppraisalSession> {
  protected readonly widgetName = APPRAISAL_TABLE_WIDGET;

  constructor(props: ControlProps) {
    super(props);
    injectAppraisalStyles();
  }

  protected createSession(unit: string | null, value: unknown): AppraisalSession {
    const session = new AppraisalSession(this.entryHost(), unit, appraisalItemsFromValue(value));
    session.lastEmitted = value;
    void session.loadSelf().then(() => session.scheduleCheck(0));
    return session;
  }

  protected renderTable(session: AppraisalSession) {
    return h(AppraisalTable, { key: 0, session });
  }
}

/** The items field on its own (Decap asks widgets for a preview too). */
export function AppraisalTablePreview({ value }: { value?: unknown }) {
  return h('div', null, S.appraisal.previewSummary(appraisalItemsFromValue(value).length));
}
