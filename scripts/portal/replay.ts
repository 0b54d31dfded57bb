// Builds the demo clone's main branch as the 2023 campaign would have written it (docs/portal.md
// §The demo campaign). The sample data entered git long after 2023, so in a plain clone every
// view that reads git times (progress, history, audit, `score --at`) says "imported" or "late".
// Here main becomes a history of its own, dated inside the campaign: Sở Nội vụ opens the year,
// each unit's draft branch and its merge at the send time (the send-time trailer as the portal
// writes it), the council's rounds, the survey, the publication — only the events before the
// portal's clock; later drafts stay draft branches. Every send and merge is judged by the gate at
// its instant, so the story cannot contradict the rules (a drifted scenario fails loudly).
import { parseDocument } from 'yaml';
import { CONTENT_DIRS, selfAssessmentPath } from '../core/kinds.js';
import { ensureLocalSealKey } from '../core/history/seal-local.js';
import { sealMerge } from '../core/history/seal.js';
import { PORTAL_MERGER } from './clone.js';
import { DEFAULT_TIMEZONE, toZonedIso, zoneOffsetMinutes } from '../core/time.js';
import { commitTree, editTree, readText, writeCommit, writeText } from '../io/git-write.js';
import { loadRegistry } from '../core/validate/engine.js';
import { selfAssessmentWindow } from '../core/phases.js';
import { gitSource, openGitRepo } from '../io/git-source.js';
import { openLocalChange } from '../io/git-change.js';
import type { GateFn } from './gate-api.js';
import { git } from './git.js';
import { formatReasons } from './messages.js';
import type { DemoCampaign } from './demo-campaign.js';

interface Entry { mode: string; oid: string; path: string }

export interface ReplayResult {
  replayed: boolean;
  /** Vietnamese lines for the banner. */
  notes: string[];
}

export class ReplayError extends Error {}

/**
 * `gate`: judge every unit's send and merge as the portal would, and fail when a decision is not
 * the one the scenario tells (the tests do; `npm start` does not, as judging takes seconds per send).
 */
export async function replayCampaign(dir: string, scenario: DemoCampaign, now: Date, gate?: GateFn): Promise<ReplayResult> {
  const run = async (args: string[]) => (await git(args, { cwd: dir })).stdout;
  const head = (await run(['rev-parse', 'HEAD'])).trim();
  // One object cache for every read: without it each judgement re-reads the pack (minutes, not seconds).
  const repo = openGitRepo(dir);
  const source = gitSource(repo, head);
  const { registry } = await loadRegistry(source);
  const y = scenario.year;
  const all = await lsTree(run, head);
  const ofUnit = (unit: string) => all.filter((e) => e.path === selfAssessmentPath(y, unit) || e.path.startsWith(`${CONTENT_DIRS.evidence}/${y}/${unit}/`));
  // Only on the data the scenario was written for: a province's own repository is left alone.
  const campaignData = registry.campaigns.get(y);
  const window = campaignData && selfAssessmentWindow(campaignData);
  if (!scenario.sends.every((s) => ofUnit(s.unit).length > 0) || !window) return { replayed: false, notes: [] };

  const council = registry.access?.council?.users?.[0] ?? 'hoi-dong';
  const admin = registry.access?.admins?.users?.[0] ?? 'so-noi-vu';
  const officer = (unit: string) => registry.units.get(unit)?.github.users?.[0] ?? `can-bo-${unit}`;
  const yearData = (p: string) => [CONTENT_DIRS.selfAssessments, CONTENT_DIRS.evidence, CONTENT_DIRS.appraisals].some((d) => p.startsWith(`${d}/${y}/`))
    || p.startsWith(`${CONTENT_DIRS.surveys}/${y}.`);
  const campaignPath = `content/campaigns/${y}.yaml`;
  const blob = (t: string) => writeText(repo, t);
  const text = (path: string) => readText(repo, head, path);
  const at = (iso: string) => new Date(iso);
  const due = (iso: string) => at(iso).getTime() <= now.getTime();

  {
    const tree = async (base: string | null, put: Entry[], remove: string[] = []) =>
      editTree(repo, base ? await commitTree(repo, base) : null, put, remove);
    const sign = (name: string, email: string, when: string) => ({ name, email, at: at(when), offsetMinutes: zoneOffsetMinutes(at(when), DEFAULT_TIMEZONE) });
    // Merges are the portal's, as decap-server's merges behind the gate are: committed by the
    // clone's merge bot, sealed with its key, the officer or council member as author.
    const commit = (treeOid: string, parents: string[], message: string, login: string, when: string) =>
      writeCommit(repo, treeOid, parents, message.endsWith('\n') ? message : `${message}\n`, sign(login, `${login}@parindex.local`, when),
        parents.length > 1 ? sign(PORTAL_MERGER.name, PORTAL_MERGER.email, when) : undefined);
    const { privateKey } = await ensureLocalSealKey(dir, PORTAL_MERGER.email);
    const judge = async (base: string, tip: string, login: string, when: string, submitted?: string) => {
      const change = await openLocalChange(dir, base, tip, repo);
      return gate!({
        base: change.baseSource, head: change.view, changes: change.changes, merge: change.merge, author: login,
        teams: () => [], now: at(when), ...(submitted ? { submittedAt: at(submitted) } : {}),
      });
    };
    /** A branch of `files` from main, merged back at `mergedAt` after the gate allowed it. */
    let main = '';
    const notes: string[] = [];
    type Sent = { draft: string; refused?: boolean; pending?: boolean };
    const send = async (branch: string, files: Entry[], login: string, draftAt: string, sentAt: string, mergedAt: string, subject: string,
      judged: 'send' | 'reply' | false = false): Promise<Sent> => {
      const draft = await commit(await tree(main, files), [main], subject, login, draftAt);
      // A unit's first send after the lock is refused; anything else is accepted by the scenario.
      const late = judged === 'send' && at(sentAt).getTime() >= window.end.getTime();
      if (gate && judged) {
        const sent = await judge(main, draft, login, sentAt);
        if (sent.allowed === late) throw new ReplayError(`${branch} ${sentAt}: ${sent.allowed ? 'accepted after the lock' : formatReasons(sent.reasons)}`);
      }
      if (late) return { draft, refused: true };
      if (!due(mergedAt)) return { draft, pending: true };
      if (gate && judged) {
        const merged = await judge(main, draft, login, mergedAt, sentAt);
        if (!merged.allowed) throw new ReplayError(`${branch}: ${formatReasons(merged.reasons)}`);
      }
      const trailers = sealMerge({ mergedHeads: [draft], submittedIso: toZonedIso(at(sentAt)), privateKey });
      main = await commit(await tree(main, files), [main, draft], `Merge branch '${branch}'\n\n${trailers}\n`, login, mergedAt);
      return { draft };
    };

    // 1. Sở Nội vụ opens the year: everything but the year's unit data, results not yet published.
    const campaign = parseDocument(await text(campaignPath));
    campaign.set('publication', { status: 'unpublished' });
    const openTree = await tree(head, [{ mode: '100644', oid: await blob(campaign.toString()), path: campaignPath }],
      all.filter((e) => yearData(e.path)).map((e) => e.path));
    main = await commit(openTree, [], `Mở đợt đánh giá năm ${y}: bộ tiêu chí, đợt đánh giá, danh mục đơn vị`, admin, scenario.openedAt);

    // 2. The units' sends, in the order they happened, and the drafts still open at the clock.
    const drafts: { branch: string; oid: string }[] = [];
    const merged: string[] = [];
    const events = [...scenario.sends].filter((s) => due(s.draftAt)).sort((a, b) => at(a.sentAt).getTime() - at(b.sentAt).getTime());
    const flagged = async (unit: string) => {
      const doc = parseDocument(await text(`${CONTENT_DIRS.appraisals}/${y}/${unit}.yaml`)).toJS() as { items?: { code: string; round1?: { requestExplanation?: boolean } }[] };
      return new Set((doc.items ?? []).filter((i) => i.round1?.requestExplanation).map((i) => i.code));
    };
    for (const s of events) {
      const branch = `cms/self-assessments-${y}/${s.unit}`;
      let files = ofUnit(s.unit);
      if (s.explanationReplyAt) files = await withWeakerExplanations(files, selfAssessmentPath(y, s.unit), await flagged(s.unit), text, blob);
      if (!due(s.sentAt)) { drafts.push({ branch, oid: await commit(await tree(main, files), [main], `Tạo self-assessments-${y} “${s.unit}”`, officer(s.unit), s.draftAt) }); continue; }
      const r = await send(branch, files, officer(s.unit), s.draftAt, s.sentAt, s.mergedAt ?? new Date(at(s.sentAt).getTime() + 60_000).toISOString(), `Tạo self-assessments-${y} “${s.unit}”`, 'send');
      if (r.refused) { drafts.push({ branch, oid: r.draft }); notes.push(`${s.unit}: gửi lúc ${toZonedIso(at(s.sentAt))}, bị từ chối vì quá hạn`); continue; }
      if (r.pending) { drafts.push({ branch, oid: r.draft }); continue; }
      merged.push(s.unit);
    }

    // 3. The council's round 1 (requests), the explanation replies, round 2, survey, publication.
    const appraisal = (unit: string) => `${CONTENT_DIRS.appraisals}/${y}/${unit}.yaml`;
    const put = async (path: string, content: string): Promise<Entry> => ({ mode: '100644', oid: await blob(content), path });
    if (due(scenario.appraisalRound1At)) {
      for (const unit of merged) {
        const doc = parseDocument(await text(appraisal(unit)));
        for (const item of (doc.get('items') as { items: { delete(k: string): void }[] } | undefined)?.items ?? []) item.delete('round2');
        await send(`cms/appraisals-${y}/${unit}`, [await put(appraisal(unit), doc.toString())], council, scenario.appraisalRound1At, scenario.appraisalRound1At, scenario.appraisalRound1At, `Tạo appraisals-${y} “${unit}”`);
      }
    }
    for (const s of events.filter((e) => e.explanationReplyAt && merged.includes(e.unit) && due(e.explanationReplyAt))) {
      await send(`cms/self-assessments-${y}/${s.unit}`, ofUnit(s.unit), officer(s.unit), s.explanationReplyAt!, s.explanationReplyAt!, s.explanationReplyAt!, `Cập nhật self-assessments-${y} “${s.unit}”`, 'reply');
      notes.push(`${s.unit}: giải trình đợt 1 lúc ${toZonedIso(at(s.explanationReplyAt!))}`);
    }
    if (due(scenario.appraisalRound2At)) {
      for (const unit of merged) {
        await send(`cms/appraisals-${y}/${unit}`, [await put(appraisal(unit), await text(appraisal(unit)))], council, scenario.appraisalRound2At, scenario.appraisalRound2At, scenario.appraisalRound2At, `Cập nhật appraisals-${y} “${unit}”`);
      }
    }
    if (due(scenario.surveyAt)) {
      // The survey team's sheet is registry data (Sở Nội vụ); its import is the council's.
      const survey = all.filter((e) => e.path.startsWith(`${CONTENT_DIRS.surveys}/${y}.`));
      const sheet = survey.filter((e) => !e.path.endsWith('.yaml'));
      const imported = survey.filter((e) => e.path.endsWith('.yaml'));
      if (sheet.length) await send(`dieu-tra-${y}-bang`, sheet, admin, scenario.surveyAt, scenario.surveyAt, scenario.surveyAt, `Bảng điểm điều tra xã hội học năm ${y}`);
      if (imported.length) await send(`dieu-tra-${y}`, imported, council, scenario.surveyAt, scenario.surveyAt, scenario.surveyAt, `Nhập điểm điều tra xã hội học năm ${y}`);
    }
    if (due(scenario.publishedAt)) {
      await send(`cong-bo-${y}`, [await put(campaignPath, await text(campaignPath))], admin, scenario.publishedAt, scenario.publishedAt, scenario.publishedAt, `Công bố kết quả năm ${y}`);
    }

    // 4. The clone's main becomes this history; open drafts become the CMS's draft branches.
    await run(['update-ref', 'refs/heads/main', main]);
    for (const d of drafts) {
      await run(['update-ref', `refs/heads/${d.branch}`, d.oid]);
      await run(['config', `branch.${d.branch}.description`, 'draft']);
    }
    await run(['checkout', '--quiet', '--force', 'main']);
    await run(['clean', '-fdq']);
    notes.unshift(`mô phỏng đợt đánh giá năm ${y} đến ${toZonedIso(now)}: ${merged.length} đơn vị đã gửi và được nhập, ${drafts.length} bản nháp đang mở`);
    return { replayed: true, notes };
  }
}

async function lsTree(run: (args: string[]) => Promise<string>, commit: string): Promise<Entry[]> {
  const out = await run(['ls-tree', '-r', '-z', commit]);
  return out.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, , oid] = meta.split(' ') as [string, string, string];
    return { mode, oid, path };
  });
}

/**
 * The unit's first send: the items the council will flag in round 1 carry only the first sentence
 * of their explanation, the rest (where the evidence is) comes in the explanation round. The line
 * is replaced in place so the reply's diff is exactly those lines.
 */
async function withWeakerExplanations(files: Entry[], path: string, codes: Set<string>, text: (p: string) => Promise<string>,
  blob: (t: string) => Promise<string>): Promise<Entry[]> {
  const raw = await text(path);
  const data = parseDocument(raw).toJS() as { items?: { code: string; explanation?: string }[] };
  let out = raw;
  for (const item of data.items ?? []) {
    if (!codes.has(item.code) || !item.explanation) continue;
    const first = item.explanation.split(/(?<=\.)\s/)[0]!;
    if (first === item.explanation) continue;
    out = out.replace(`explanation: ${JSON.stringify(item.explanation)}`, `explanation: ${JSON.stringify(first)}`);
  }
  const oid = await blob(out);
  return files.map((f) => (f.path === path ? { ...f, oid } : f));
}
