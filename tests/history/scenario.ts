// One campaign's history, built with native git: direct commits, a GitHub merge commit, a squash
// merge, an evidence upload, a rename, a revert, commits one second either side of the 17:00
// lock, and a decap-server local merge after it.
import { ALICE, BINH, CAMPAIGN_2023, GITHUB, GitFixture, selfAssessment } from './fixture.js';

export const SA = 'content/self-assessments/2023';
export const EV = 'content/evidence/2023';
export const LOCK = new Date('2023-11-17T17:00:00+07:00');

type CommitName = 'init' | 'noiVu1' | 'tuPhapBranch' | 'noiVu2' | 'mergeTuPhap' | 'khdt' | 'squashTuPhap' | 'evidence' | 'rename'
  | 'noiVu3' | 'revert' | 'beforeLock' | 'atLock' | 'xayDungBranch' | 'mergeXayDung';

export interface Scenario {
  fx: GitFixture;
  /** Commit ids by name. */
  c: Record<CommitName, string>;
}

export function buildScenario(): Scenario {
  const fx = new GitFixture();
  const c = {} as Record<CommitName, string>;
  fx.write('content/campaigns/2023.yaml', CAMPAIGN_2023);
  fx.write('README.md', '# Chỉ số CCHC\n');
  c.init = fx.commit('Khởi tạo đợt đánh giá 2023', '2023-10-25T09:00:00+07:00');

  // Direct commit: Sở Nội vụ's first version.
  fx.write(`${SA}/so-noi-vu.yaml`, selfAssessment('so-noi-vu', [{ code: '1.1', score: 1 }, { code: '1.2', score: 0.5 }]));
  c.noiVu1 = fx.commit('Sở Nội vụ nộp bảng tự chấm', '2023-11-02T08:00:00+07:00');

  // A pull request merged with a merge commit, while main moved on.
  fx.git(['checkout', '-q', '-b', 'cms/self-assessments/so-tu-phap']);
  fx.write(`${SA}/so-tu-phap.yaml`, selfAssessment('so-tu-phap', [{ code: '1.1', score: 2 }], 'Trần Văn Bình'));
  c.tuPhapBranch = fx.commit('Sở Tư pháp nộp bảng tự chấm', '2023-11-03T10:00:00+07:00', BINH);
  fx.git(['checkout', '-q', 'main']);
  fx.write(`${SA}/so-noi-vu.yaml`, selfAssessment('so-noi-vu', [{ code: '1.1', score: 2 }, { code: '1.2', score: 0.5 }]));
  c.noiVu2 = fx.commit('Sở Nội vụ sửa điểm 1.1', '2023-11-03T11:00:00+07:00');
  c.mergeTuPhap = fx.merge('cms/self-assessments/so-tu-phap', 'Merge pull request #3 from org/cms/self-assessments/so-tu-phap\n\nSở Tư pháp nộp bảng tự chấm', '2023-11-03T12:00:00+07:00', GITHUB, BINH);

  // Another unit, later renamed.
  fx.write(`${SA}/so-kh-dt.yaml`, selfAssessment('so-kh-dt', [{ code: '1.1', score: 1.5 }]));
  c.khdt = fx.commit('Sở KH&ĐT nộp bảng tự chấm', '2023-11-05T09:30:00+07:00');

  // A squash merge of a two-commit branch.
  fx.git(['checkout', '-q', '-b', 'sua-tu-phap']);
  fx.write(`${SA}/so-tu-phap.yaml`, selfAssessment('so-tu-phap', [{ code: '1.1', score: 1 }], 'Trần Văn Bình'));
  fx.commit('wip', '2023-11-09T09:00:00+07:00', BINH);
  fx.write(`${SA}/so-tu-phap.yaml`, selfAssessment('so-tu-phap', [{ code: '1.1', score: 1.5 }, { code: '1.2', score: 1 }], 'Trần Văn Bình'));
  fx.commit('wip 2', '2023-11-09T10:00:00+07:00', BINH);
  fx.git(['checkout', '-q', 'main']);
  c.squashTuPhap = fx.squash('sua-tu-phap', 'Sở Tư pháp cập nhật điểm (#4)', '2023-11-10T15:00:00+07:00', BINH);

  // Evidence upload with its reference in the self-assessment.
  fx.write(`${EV}/so-noi-vu/bao-cao-55.pdf`, Buffer.from('%PDF-1.4 báo cáo 55 v1\n'));
  fx.write(`${SA}/so-noi-vu.yaml`, selfAssessment('so-noi-vu', [
    { code: '1.1', score: 2, evidence: [{ number: '55/UBND-BC', file: 'bao-cao-55.pdf' }] }, { code: '1.2', score: 0.5 }]));
  c.evidence = fx.commit('Sở Nội vụ thêm minh chứng', '2023-11-12T14:00:00+07:00');

  // Rename (same content): the unit id was corrected.
  fx.git(['mv', `${SA}/so-kh-dt.yaml`, `${SA}/so-khdt.yaml`]);
  c.rename = fx.commit('Đổi mã đơn vị so-kh-dt thành so-khdt', '2023-11-14T08:00:00+07:00');

  // A change and its revert.
  fx.write(`${SA}/so-noi-vu.yaml`, selfAssessment('so-noi-vu', [
    { code: '1.1', score: 3, evidence: [{ number: '55/UBND-BC', file: 'bao-cao-55.pdf' }] }, { code: '1.2', score: 0.5 }]));
  c.noiVu3 = fx.commit('Sở Nội vụ nâng điểm 1.1', '2023-11-15T10:00:00+07:00');
  c.revert = fx.revert(c.noiVu3, '2023-11-16T09:00:00+07:00');

  // One second before and exactly at the lock.
  fx.write(`${SA}/so-tu-phap.yaml`, selfAssessment('so-tu-phap', [{ code: '1.1', score: 2 }, { code: '1.2', score: 1 }], 'Trần Văn Bình'));
  c.beforeLock = fx.commit('Sở Tư pháp sửa lần cuối', '2023-11-17T16:59:59+07:00', BINH);
  fx.write(`${SA}/so-noi-vu.yaml`, selfAssessment('so-noi-vu', [
    { code: '1.1', score: 2, explanation: 'Giải trình mới sau hạn.', evidence: [{ number: '55/UBND-BC', file: 'bao-cao-55.pdf' }] }, { code: '1.2', score: 1 }]));
  fx.write(`${EV}/so-noi-vu/bao-cao-55.pdf`, Buffer.from('%PDF-1.4 báo cáo 55 v2 (sửa sau hạn)\n'));
  c.atLock = fx.commit('Sở Nội vụ sửa lúc 17:00', '2023-11-17T17:00:00+07:00');

  // decap-server's local publish after the lock.
  fx.git(['checkout', '-q', '-b', 'cms/self-assessments/so-xay-dung']);
  fx.write(`${SA}/so-xay-dung.yaml`, selfAssessment('so-xay-dung', [{ code: '1.1', score: 1 }]));
  c.xayDungBranch = fx.commit('Create Self-assessments “so-xay-dung”', '2023-11-18T08:00:00+07:00');
  fx.git(['checkout', '-q', 'main']);
  c.mergeXayDung = fx.merge('cms/self-assessments/so-xay-dung', "Merge branch 'cms/self-assessments/so-xay-dung'", '2023-11-18T09:00:00+07:00', ALICE);
  return { fx, c };
}
