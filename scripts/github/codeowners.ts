// CODEOWNERS generated from the units registry and content/access.yaml. Informational (review
// requests, "owned by" in the file view): the gate, not code-owner review, enforces ownership,
// because a unit cannot approve its own pull request. Later lines win in CODEOWNERS, so the
// generic admin line comes first and each unit's lines after it.
import type { Access, Unit } from '../core/model.js';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';

function owners(p: { team?: string; users?: string[] } | undefined, org: string | null): string[] {
  const out: string[] = [];
  if (p?.team && org) out.push(`@${p.team.includes('/') ? p.team : `${org}/${p.team}`}`);
  for (const u of p?.users ?? []) out.push(`@${u.replace(/\[bot\]$/, '')}`);
  return out;
}

/** `org` is null for a repository owned by a person: teams do not exist there. */
export function generateCodeowners(units: Iterable<Unit>, access: Access | undefined, org: string | null): string {
  const admins = owners(access?.admins, org);
  const council = owners(access?.council, org);
  const lines = [
    '# Sinh tự động bởi `npm run setup-github` từ content/units/ và content/access.yaml. Không sửa tay:',
    '# sửa danh mục đơn vị hoặc phân quyền rồi chạy lại lệnh.',
    '# Quyền thật sự do bước kiểm tra parindex/gate quyết định; tệp này chỉ để GitHub hiển thị và mời xem xét.',
    '',
  ];
  if (admins.length) lines.push(`* ${admins.join(' ')}`);
  if (council.length) lines.push(`/content/appraisals/ ${council.join(' ')}`, `/content/surveys/ ${council.join(' ')}`);
  lines.push('');
  for (const unit of [...units].sort((a, b) => a.id.localeCompare(b.id))) {
    const o = owners(unit.github, org);
    if (!o.length) continue;
    lines.push(`# ${unit.name}`);
    lines.push(`/content/self-assessments/*/${unit.id}.yaml ${o.join(' ')}`);
    lines.push(`/content/evidence/*/${unit.id}/ ${o.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}
