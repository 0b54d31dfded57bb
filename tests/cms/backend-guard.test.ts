// The send guard around Decap's backends, with the GitHub policy (no merge from the CMS) that the
// browser tests cannot reach without GitHub: the wrapped backend here is a recording double whose
// branch holds real fixture files; the rules that judge them are the real ones.
import { beforeAll, describe, expect, test } from 'vitest';
import { guardBackend, CmsRefusal, READY } from '../../site/cms/backend-guard.js';
import { setRegistry } from '../../site/cms/registry.js';
import { loadRegistry } from '../../scripts/core/validate/engine.js';
import { baseBytes, baseSource, baseText, BASE_SELF_ASSESSMENT } from '../helpers/fixtures.js';
import { S } from '../../site/cms/strings.js';

const EVIDENCE = ['ke-hoach-12-kh-snv.pdf', 'bao-cao-55-bc-snv.pdf', 'bang-thong-ke.pdf'].map((f) => `content/evidence/2023/don-vi-a/${f}`);

/** A backend whose entry branch holds `text` as the self-assessment and the fixture's PDFs on main. */
function recordingBackend(text: string, others: Record<string, string> = {}) {
  const calls: string[] = [];
  class Recording {
    async unpublishedEntry() {
      return { status: 'draft', diffs: [...Object.keys(others), BASE_SELF_ASSESSMENT].map((path) => ({ path, id: path })) };
    }
    async unpublishedEntryDataFile(_c: string, _s: string, path: string) { return others[path] ?? text; }
    async unpublishedEntryMediaFile(): Promise<never> { throw new Error('not on the branch'); }
    async getMediaFile(path: string) {
      if (!EVIDENCE.includes(path)) throw new Error('404');
      return { file: new Blob([baseBytes(path) as BlobPart]) };
    }
    async updateUnpublishedEntryStatus(_c: string, _s: string, status: string) { calls.push(`status ${status}`); }
    async publishUnpublishedEntry(_c: string, _s: string) { calls.push('publish'); }
    async persistEntry() { calls.push('persist'); }
    async persistMedia() { calls.push('media'); }
  }
  return { Recording, calls };
}

beforeAll(async () => {
  setRegistry((await loadRegistry(baseSource())).registry);
});

describe('send guard', () => {
  test('sending a saved entry without errors goes through; with errors it is refused before the backend', async () => {
    const ok = recordingBackend(baseText(BASE_SELF_ASSESSMENT));
    const Good = guardBackend(ok.Recording, { allowPublish: false });
    await new Good().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', READY);
    expect(ok.calls).toEqual([`status ${READY}`]);

    const bad = recordingBackend(baseText(BASE_SELF_ASSESSMENT).replace('score: 0.5', 'score: 3'));
    const Bad = guardBackend(bad.Recording, { allowPublish: true });
    const error = await new Bad().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', READY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsRefusal);
    expect(String(error)).toMatch(/^Chưa gửi được: bảng tự chấm còn 1 lỗi\. 2\.1\.1: Điểm 3 vượt điểm tối đa 1/);
    // Back to draft is always allowed.
    await new Bad().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', 'draft');
    expect(bad.calls).toEqual(['status draft']);
    // The local portal merges from the CMS, but never an entry with errors.
    await expect(new Bad().publishUnpublishedEntry('self-assessments-2023', 'don-vi-a')).rejects.toBeInstanceOf(CmsRefusal);
    expect(bad.calls).toEqual(['status draft']);
  });

  test('the guard judges the entry\'s own file, whatever else the backend lists (issue 13, item 4)', async () => {
    // Other units' files listed first (as decap-server's two-dot diff did once main moved on):
    // the council's appraisal has the shortest path, another unit's sheet is full of errors.
    const broken = baseText(BASE_SELF_ASSESSMENT).replace('unit: don-vi-a', 'unit: don-vi-b').replace('score: 0.5', 'score: 3');
    const b = recordingBackend(baseText(BASE_SELF_ASSESSMENT), {
      'content/appraisals/2023/don-vi-a.yaml': 'unit: don-vi-a\n',
      'content/self-assessments/2023/don-vi-b.yaml': broken,
    });
    const Guarded = guardBackend(b.Recording, { allowPublish: false });
    await new Guarded().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', READY);
    expect(b.calls).toEqual([`status ${READY}`]);
  });

  test('a missing figure is named by its label from the framework, never its key', async () => {
    const text = baseText(BASE_SELF_ASSESSMENT).replace('figures: { onTime: 46, total: 50 }', 'figures: { total: 50 }');
    const Guarded = guardBackend(recordingBackend(text).Recording, { allowPublish: false });
    const error = String(await new Guarded().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', READY).catch((e: unknown) => e));
    expect(error).toContain('thiếu số liệu “Số văn bản đúng hạn”');
    expect(error).not.toMatch(/onTime|total\b/);
  });

  test('on GitHub nothing merges or writes main from the CMS', async () => {
    const ok = recordingBackend(baseText(BASE_SELF_ASSESSMENT));
    const GitHub = guardBackend(ok.Recording, { allowPublish: false });
    const b = new GitHub() as unknown as { publishUnpublishedEntry(c: string, s: string): Promise<unknown>; persistMedia(): Promise<unknown>; deleteFiles(): Promise<unknown> };
    await expect(b.publishUnpublishedEntry('self-assessments-2023', 'don-vi-a')).rejects.toThrow(S.publishByGate);
    await expect(b.persistMedia()).rejects.toThrow(S.mediaOutsideEntry);
    await expect(b.deleteFiles()).rejects.toThrow(S.deleteOutsideEntry);
    expect(ok.calls).toEqual([]);
  });

  test('a missing evidence file on the branch and on main is an error that blocks sending', async () => {
    const text = baseText(BASE_SELF_ASSESSMENT).replace('bang-thong-ke.pdf', 'khong-co.pdf');
    const b = recordingBackend(text);
    const Guarded = guardBackend(b.Recording, { allowPublish: false });
    await expect(new Guarded().updateUnpublishedEntryStatus('self-assessments-2023', 'don-vi-a', READY)).rejects.toThrow(/khong-co\.pdf/);
    expect(b.calls).toEqual([]);
  });
});
