// A change as the gate judges it, read from a local clone: base = the target branch tip,
// head = the branch tip, changes = what merging the head would change on the base (a three-way
// comparison through the merge base, docs/security.md §Gate), and the view = the base with those
// changes applied (what main would hold after the merge). Shared by `parindex gate`, the PR
// report and the local portal so all three judge the same thing.
import type { ContentSource } from '../core/source.js';
import { mergedView, type ChangedFile, type MergeShape } from '../core/gate/index.js';
import { gitSource, openGitRepo, resolveCommit, type GitRepo } from './git-source.js';
import { isShallow, mergeBases, mergeChanges } from './git-changes.js';

export interface LocalChange {
  repo: GitRepo;
  base: string;
  head: string;
  mergeBase: string;
  changes: ChangedFile[];
  /** How the merge was computed: several bases or conflicting paths make the gate refuse. */
  merge: MergeShape;
  baseSource: ContentSource;
  /** The branch tip itself (for links and diffs of a single file). */
  headSource: ContentSource;
  /** What the target branch would hold after the merge: what the gate validates. */
  view: ContentSource;
}

export class ChangeError extends Error {}

/** `repo` lets a caller judging many changes of one repository share its object cache. */
export async function openLocalChange(dir: string, baseRef: string, headRef: string, shared?: GitRepo): Promise<LocalChange> {
  const repo = shared ?? openGitRepo(dir);
  const [base, head] = await Promise.all([resolveCommit(repo, baseRef), resolveCommit(repo, headRef)]);
  const bases = await mergeBases(repo, base, head);
  const mb = bases[0];
  if (!mb) {
    throw new ChangeError(isShallow(repo)
      ? 'Kho git là bản sao nông (shallow clone): không tìm được điểm rẽ nhánh chung. Trong CI dùng actions/checkout với fetch-depth: 0.'
      : `Hai phiên bản ${base.slice(0, 7)} và ${head.slice(0, 7)} không có lịch sử chung.`);
  }
  const { changes, conflicts } = await mergeChanges(repo, mb, base, head);
  const baseSource = gitSource(repo, base);
  const headSource = gitSource(repo, head);
  return {
    repo, base, head, mergeBase: mb, changes, merge: { bases: bases.length, conflicts },
    baseSource, headSource, view: mergedView(baseSource, headSource, changes),
  };
}
