// The demo's 2023 campaign as it would have happened (docs/portal.md §The demo campaign): when
// each sample unit saved its first draft and pressed "Gửi đi", one send a few seconds before
// 17:00 merged just after it, one send after the lock (refused), one unit answering the council's
// round-1 requests in the explanation round, then the council's two appraisal rounds, the survey
// and the publication. Sample data like the rest (marked "mẫu"); times are Asia/Ho_Chi_Minh.
export interface UnitSend {
  unit: string;
  draftAt: string;
  sentAt: string;
  /** When the send was merged, when not a minute after it. */
  mergedAt?: string;
  /** First sent with weaker explanations of the items the council flags in round 1, then answered then. */
  explanationReplyAt?: string;
}

export interface DemoCampaign {
  year: number;
  /** Sở Nội vụ opens the year: frameworks and campaign on main, no unit data yet. */
  openedAt: string;
  sends: UnitSend[];
  appraisalRound1At: string;
  appraisalRound2At: string;
  surveyAt: string;
  publishedAt: string;
}

export const DEMO_2023: DemoCampaign = {
  year: 2023,
  openedAt: '2023-10-30T08:00:00+07:00',
  sends: [
    { unit: 'so-noi-vu', draftAt: '2023-11-03T08:20:00+07:00', sentAt: '2023-11-08T10:30:00+07:00' },
    { unit: 'tp-thai-nguyen', draftAt: '2023-11-06T14:05:00+07:00', sentAt: '2023-11-09T15:20:00+07:00' },
    { unit: 'so-tu-phap', draftAt: '2023-11-08T09:40:00+07:00', sentAt: '2023-11-13T08:45:00+07:00' },
    { unit: 'so-y-te', draftAt: '2023-11-09T16:10:00+07:00', sentAt: '2023-11-14T10:05:00+07:00', explanationReplyAt: '2023-11-29T15:30:00+07:00' },
    { unit: 'huyen-vo-nhai', draftAt: '2023-11-10T08:00:00+07:00', sentAt: '2023-11-15T14:10:00+07:00' },
    { unit: 'tp-pho-yen', draftAt: '2023-11-13T10:15:00+07:00', sentAt: '2023-11-17T11:05:00+07:00' },
    { unit: 'ban-dan-toc', draftAt: '2023-11-14T09:30:00+07:00', sentAt: '2023-11-17T16:59:50+07:00', mergedAt: '2023-11-17T17:00:20+07:00' },
    // After the lock: refused, the draft stays a draft.
    { unit: 'huyen-dai-tu', draftAt: '2023-11-16T10:00:00+07:00', sentAt: '2023-11-17T17:06:00+07:00' },
  ],
  appraisalRound1At: '2023-11-24T10:00:00+07:00',
  appraisalRound2At: '2023-12-13T10:00:00+07:00',
  surveyAt: '2023-12-20T09:00:00+07:00',
  publishedAt: '2024-03-22T15:00:00+07:00',
};
