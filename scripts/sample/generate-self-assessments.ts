// Builds the sample self-assessments (content/self-assessments/<year>/<unit>.yaml) from the
// frameworks, the unit registry and the data table in ./templates.ts. Deterministic: every random
// choice comes from a PRNG seeded with the unit, year and purpose.
//
// The plan (scores, figures, explanations, documents) is computed without touching the disk;
// writing needs the sha256 of each evidence PDF, so run the whole pipeline with
//   npx tsx scripts/sample/index.ts
// (this file alone rewrites the YAML from PDFs already on disk).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document } from 'yaml';
import {
  type Campaign, type Framework, type FwNode, type Rng, type Unit,
  dayOfYear, loadDir, pickDate, readYaml, rng, selfLeaves, slugNumber, viDate, viNum, viPct,
} from './lib.js';
import {
  CITY_NTM_TITLE, DOCS, DOC_TYPE_NAMES, LEAVES, SAMPLE_UNITS,
  type Ctx, type DocKind, type DocType, type EvRef, type Level, type LeafTemplate, type UnitMeta,
} from './templates.js';

export const SAMPLE_YEARS = [2022, 2023] as const;

// ---------------------------------------------------------------------------------------------
// Plan types

export interface PlannedDoc {
  /** Unique within a unit-year: the DOCS key, or "<key>#<suffix>" for a flawed copy. */
  key: string;
  kind: DocKind;
  unit: string;
  year: number;
  number: string;
  date: string;
  issuer: string;
  /** How explanations name the issuer: "Sở Nội vụ", "UBND tỉnh". */
  issuerShort: string;
  title: string;
  /** Repository-relative path of the PDF. */
  file: string;
  /** Key id of the signer, or null for a deliberately unsigned file. */
  signer: string | null;
  /** Lines of the PDF body: what each cited part contains. */
  sections: string[];
}

export interface PlannedEvidence { doc: PlannedDoc; locator?: string; statisticsTable?: boolean }

export interface PlannedItem {
  code: string;
  score: number;
  notApplicable?: boolean;
  figures?: Record<string, number>;
  explanation: string;
  evidence: PlannedEvidence[];
}

export interface Plan {
  unit: string;
  year: number;
  framework: string;
  preparedBy: UnitMeta['preparedBy'];
  items: PlannedItem[];
  docs: PlannedDoc[];
  /** Self score / applicable self maximum, for the report. */
  ratio: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function levelScores(leaf: FwNode): number[] {
  const scores = leaf.measure ? leaf.measure.thresholds.map((t) => t.score) : (leaf.levels ?? []).map((l) => l.score);
  return [...new Set(scores)].sort((a, b) => b - a);
}

const RATES: Record<'dept' | 'district' | 'province', Record<DocType, number>> = {
  dept: { KH: 0.45, BC: 0.95, QĐ: 1.1, TB: 0.3, CV: 7.2 },
  district: { KH: 1.05, BC: 1.9, QĐ: 13.5, TB: 0.8, CV: 9.4 },
  province: { KH: 0.9, BC: 1.2, QĐ: 7.4, TB: 0.6, CV: 16 },
};

function fill(s: string, year: number, meta: UnitMeta): string {
  const place = meta.kind === 'district' ? meta.subject.replace(/^UBND /, '') : meta.subject;
  return s
    .replace(/\{Y-1\}/g, String(year - 1))
    .replace(/\{Y\+1\}/g, String(year + 1))
    .replace(/\{Y\}/g, String(year))
    .replace(/\{unit\}/g, meta.subject)
    .replace(/\{place\}/g, place)
    .replace(/\{linhVuc\}/g, meta.linhVuc);
}

/** Figures whose ratio falls in the band of `score`. */
function figuresFor(leaf: FwNode, score: number, spec: { den: number; topMax?: number; exact?: boolean }, r: Rng): [number, number] {
  const t = [...leaf.measure!.thresholds].sort((a, b) => b.atLeast - a.atLeast);
  const idx = t.findIndex((x) => x.score === score);
  if (idx < 0) throw new Error(`${leaf.code}: score ${score} is not a threshold score`);
  const lo = t[idx]!.atLeast;
  const top = idx === 0;
  const hi = top ? Math.max(spec.topMax ?? 100, lo) : t[idx - 1]!.atLeast;
  const bottom = idx === t.length - 1;
  const loEff = bottom ? Math.max(lo, hi - 22) : lo;
  let den = Math.max(1, spec.den);
  const fits = (num: number) => num >= 0 && num * 100 >= lo * den && (top ? num * 100 <= hi * den : num * 100 < hi * den);
  for (let grow = 0; grow < 50; grow++, den++) {
    if (top && spec.exact && lo <= 100 && r.chance(0.8)) return [den, den];
    if (top && hi >= 100 && lo <= 100 && r.chance(0.12)) return [den, den];
    for (let attempt = 0; attempt < 40; attempt++) {
      const pct = loEff + r.next() * (hi - loEff);
      const num = Math.round((den * pct) / 100);
      if (fits(num)) return [num, den];
    }
    for (let num = Math.ceil((lo * den) / 100); num <= Math.floor((hi * den) / 100); num++) if (fits(num)) return [num, den];
  }
  throw new Error(`${leaf.code}: no figures for score ${score}`);
}

// ---------------------------------------------------------------------------------------------
// Planning

interface Registry { units: Map<string, Unit>; frameworks: Map<string, Framework>; campaigns: Map<number, Campaign> }

export function loadRegistry(root: string): Registry {
  const units = new Map(loadDir<Unit>(join(root, 'content/units')).map((u) => [u.id, u]));
  const frameworks = new Map(loadDir<Framework>(join(root, 'content/frameworks')).map((f) => [f.id, f]));
  const campaigns = new Map<number, Campaign>();
  for (const y of SAMPLE_YEARS) campaigns.set(y, readYaml<Campaign>(join(root, `content/campaigns/${y}.yaml`)));
  return { units, frameworks, campaigns };
}

export function buildPlans(root: string): Plan[] {
  const reg = loadRegistry(root);
  // Every leaf of every framework the samples use must have a template: fail loudly otherwise.
  const plans: Plan[] = [];
  for (const year of SAMPLE_YEARS) {
    const campaign = reg.campaigns.get(year)!;
    const provinceNumbers = new Set<string>();
    for (const unitId of Object.keys(SAMPLE_UNITS)) {
      const unit = reg.units.get(unitId);
      if (!unit) throw new Error(`Unknown unit ${unitId}`);
      const group = campaign.groups.find((g) => g.id === unit.group);
      if (!group) throw new Error(`Group ${unit.group} not in campaign ${year}`);
      const fw = reg.frameworks.get(group.framework);
      if (!fw) throw new Error(`Framework ${group.framework} missing`);
      plans.push(planUnitYear(unitId, SAMPLE_UNITS[unitId]!, year, fw, campaign, provinceNumbers));
    }
  }
  return plans;
}

function planUnitYear(unitId: string, meta: UnitMeta, year: number, fw: Framework, campaign: Campaign, provinceNumbers: Set<string>): Plan {
  const district = meta.kind === 'district';
  const leaves = selfLeaves(fw);
  for (const leaf of leaves) if (!LEAVES[leaf.title]) throw new Error(`No template for leaf “${leaf.title}” (${fw.id} ${leaf.code})`);
  const flaws = (meta.flaws ?? []).filter((f) => f.year === year);
  for (const t of meta.notApplicable) {
    const leaf = leaves.find((l) => l.title === t);
    if (leaf && !leaf.notApplicableAllowed) throw new Error(`${unitId} ${year}: “${t}” does not allow N/A`);
  }
  const na = new Set(leaves.filter((l) => l.notApplicableAllowed && meta.notApplicable.includes(l.title)).map((l) => l.code));

  // --- 1. Scores: start from the maximum, downgrade shuffled leaves until the target ratio.
  const levelIdx = new Map<string, number>(leaves.map((l) => [l.code, 0]));
  const scoreOf = (l: FwNode) => (na.has(l.code) ? 0 : levelScores(l)[levelIdx.get(l.code)!]!);
  const applicableMax = leaves.filter((l) => !na.has(l.code)).reduce((a, l) => a + l.max, 0);
  const ratio = () => leaves.reduce((a, l) => a + scoreOf(l), 0) / applicableMax;
  const r = rng(`${unitId}:${year}:levels`);
  const protectedTitles = new Set([...(meta.strong ?? []), ...flaws.map((f) => f.leaf)]);
  const candidates = r.shuffle(leaves.filter((l) => !na.has(l.code) && !protectedTitles.has(l.title)));
  const target = meta.target[year] ?? 0.85;
  for (let pass = 0; pass < 3 && ratio() > target; pass++) {
    for (const leaf of candidates) {
      if (ratio() <= target) break;
      const scores = levelScores(leaf);
      const idx = levelIdx.get(leaf.code)!;
      if (idx >= scores.length - 1) continue;
      const next = scores[idx + 1]!;
      const tpl = LEAVES[leaf.title]!;
      if (next === 0) {
        if (tpl.noZero) continue;
        if (!leaf.measure && !tpl.zero) continue;
        if (scores.length > 2 && pass === 0) continue;
        if (!r.chance(pass === 0 ? 0.4 : 0.6)) continue;
      }
      levelIdx.set(leaf.code, idx + 1);
    }
  }

  // --- 2. Figures of measured leaves (in framework order: later templates may read earlier figures).
  const facts: Record<string, number> = {};
  const present = meta.staff - rng(`${unitId}:${year}:present`).int(1, 4);
  const figuresByCode = new Map<string, [number, number]>();
  const baseCtx = (leaf: FwNode, r: Rng, level: Level): Ctx => ({
    Y: year, unit: meta.subject, meta, district, level, f: facts, present, num: '', den: '', pct: '', missing: '',
    n: (x) => viNum(x, Number.isInteger(x) ? 0 : 2), r,
    ref: () => '', refShort: () => '', date: () => '', cite: () => '',
  });
  for (const leaf of leaves) {
    if (!leaf.measure || na.has(leaf.code)) continue;
    const tpl = LEAVES[leaf.title]!;
    if (!tpl.fig) throw new Error(`Measured leaf “${leaf.title}” has no figure spec`);
    const fr = rng(`${unitId}:${year}:fig:${leaf.title}`);
    const spec = tpl.fig(baseCtx(leaf, fr, 'full'));
    const [num, den] = figuresFor(leaf, scoreOf(leaf), spec, fr);
    facts[leaf.measure.numerator.key] = num;
    facts[leaf.measure.denominator.key] = den;
    figuresByCode.set(leaf.code, [num, den]);
  }

  const levelOf = (leaf: FwNode): Level => {
    const s = scoreOf(leaf);
    return s === leaf.max ? 'full' : s === 0 ? 'zero' : 'partial';
  };

  // --- 3. Evidence references per item, and the documents they need.
  interface Draft { leaf: FwNode; tpl: LeafTemplate; level: Level; refs: EvRef[]; alias: Map<string, string>; flawNoLocator?: (c: Ctx) => string }
  const drafts: Draft[] = [];
  const docKeys = new Map<string, { base: string; suffix?: string; title?: string; governedLate: boolean }>();
  for (const leaf of leaves) {
    const tpl = LEAVES[leaf.title]!;
    const level = levelOf(leaf);
    const d: Draft = { leaf, tpl, level, refs: [], alias: new Map() };
    drafts.push(d);
    if (na.has(leaf.code)) continue;
    if (level === 'zero' && !leaf.measure) continue;
    const probe = baseCtx(leaf, rng('probe'), level);
    const refs = level === 'partial' && tpl.evPartial ? tpl.evPartial : typeof tpl.ev === 'function' ? tpl.ev(probe) : tpl.ev;
    d.refs = refs;
    const flaw = flaws.find((f) => f.leaf === leaf.title);
    for (const [i, ref] of refs.entries()) {
      let key = ref.doc;
      if (flaw?.kind === 'letter-suffix' && i === 0) {
        key = `${ref.doc}#${flaw.suffix}`;
        d.alias.set(ref.doc, key);
        docKeys.set(key, { base: ref.doc, suffix: flaw.suffix, ...(flaw.title ? { title: flaw.title } : {}), governedLate: false });
        continue;
      }
      const prev = docKeys.get(key);
      const late = i === 0 && level === 'partial' && !!DOCS[ref.doc]?.late;
      docKeys.set(key, { base: ref.doc, governedLate: (prev?.governedLate ?? false) || late });
    }
    if (flaw?.kind === 'no-locator') d.flawNoLocator = flaw.text;
  }

  // --- 4. Dates and numbers.
  const docs = new Map<string, PlannedDoc>();
  const cutoff = campaign.dataCutoff;
  const deferredCutoff = campaign.deferredCutoff ?? cutoff;
  for (const [key, info] of [...docKeys.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = DOCS[info.base];
    if (!kind) throw new Error(`Unknown document kind ${info.base}`);
    const shared = !!kind.province && !!kind.shared;
    const seed = shared ? `province:${year}:doc:${info.base}` : `${unitId}:${year}:doc:${key}`;
    const dr = rng(seed);
    const [from, to] = info.governedLate && kind.late ? kind.late : [kind.from, kind.to];
    const date = pickDate(dr, year, from, to);
    const isDeferredWindow = from >= '11-20';
    if (date > (isDeferredWindow ? deferredCutoff : cutoff)) throw new Error(`${key}: date ${date} after cut-off`);
    const title = fill(info.title ?? (kind.districtTitle && district ? kind.districtTitle : info.base === 'baoCaoNTM' && meta.city ? CITY_NTM_TITLE : kind.title), year, meta);
    const issuer = kind.province ? 'UBND tỉnh Thái Nguyên' : meta.issuer;
    docs.set(key, {
      key, kind, unit: unitId, year, number: '', date, issuer, issuerShort: kind.province ? 'UBND tỉnh' : meta.subject,
      title, file: '', signer: kind.province ? 'province' : unitId, sections: [],
    });
  }
  // Province numbers first (a district's own “QĐ-UBND” register must not reuse them).
  for (const d of [...docs.values()].filter((x) => x.kind.province)) {
    const pr = rng(d.kind.shared ? `province:${year}:num:${d.kind.title}` : `${unitId}:${year}:num:${d.key}`);
    d.number = `${Math.floor(RATES.province[d.kind.type] * dayOfYear(d.date)) + pr.int(1, 7)}/${d.kind.type}-UBND`;
    provinceNumbers.add(d.number);
  }
  // The unit's own registers: numbers grow with the date, one register per document type.
  const own = [...docs.values()].filter((x) => !x.kind.province).sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  const lastNumber = new Map<DocType, number>();
  const nr = rng(`${unitId}:${year}:numbers`);
  for (const d of own) {
    const rate = RATES[meta.kind][d.kind.type];
    const suffix = docKeys.get(d.key)!.suffix;
    const format = (n: number, sfx = '') => (d.kind.type === 'CV' ? `${n}${sfx}/${meta.letter}` : `${n}${sfx}/${d.kind.type}-${meta.abbr}`);
    if (suffix) {
      // Squeezed into the register after the fact: an existing number plus a letter.
      d.number = format(Math.max(1, lastNumber.get(d.kind.type) ?? Math.floor(rate * dayOfYear(d.date))), suffix);
      continue;
    }
    let n = Math.max((lastNumber.get(d.kind.type) ?? 0) + 1, Math.floor(rate * dayOfYear(d.date) * (0.92 + nr.next() * 0.16)) + 1);
    while (provinceNumbers.has(format(n))) n++;
    lastNumber.set(d.kind.type, n);
    d.number = format(n);
  }
  for (const d of docs.values()) d.file = `content/evidence/${year}/${unitId}/${slugNumber(d.number)}.pdf`;
  const files = new Set<string>();
  for (const d of docs.values()) {
    if (files.has(d.file)) throw new Error(`Two documents share ${d.file}`);
    files.add(d.file);
  }

  // --- 5. Unsigned files: one or two of the unit's own documents (the rules warn on them).
  const ur = rng(`${unitId}:${year}:unsigned`);
  const unsignable = [...docs.values()].filter((d) => !d.kind.province && !d.key.includes('#')).sort((a, b) => a.key.localeCompare(b.key));
  const flawDocs = new Set(drafts.filter((d) => d.flawNoLocator).flatMap((d) => d.refs.map((x) => x.doc)));
  // Prefer documents cited by a single item, so that each unsigned file costs one criterion.
  const citations = new Map<string, number>();
  for (const d of drafts) for (const ref of d.refs) { const k = d.alias.get(ref.doc) ?? ref.doc; citations.set(k, (citations.get(k) ?? 0) + 1); }
  const pool = ur.shuffle(unsignable.filter((d) => !flawDocs.has(d.key) && citations.get(d.key) === 1));
  for (const d of pool.slice(0, ur.chance(0.5) ? 2 : 1)) d.signer = null;

  // --- 6. Items: text and evidence.
  const items: PlannedItem[] = [];
  const sections = new Map<string, Set<string>>();
  for (const d of drafts) {
    const { leaf, tpl, level } = d;
    const tr = rng(`${unitId}:${year}:text:${leaf.title}`);
    if (na.has(leaf.code)) {
      const c = baseCtx(leaf, tr, level);
      items.push({ code: leaf.code, score: 0, notApplicable: true, explanation: tpl.na ? tpl.na(c) : `${meta.subject} đề nghị không áp dụng tiêu chí này.`, evidence: [] });
      continue;
    }
    const docOf = (base: string) => {
      const doc = docs.get(d.alias.get(base) ?? base);
      if (!doc) throw new Error(`${unitId} ${year} ${leaf.code}: text cites ${base}, which is not in the item's evidence`);
      return doc;
    };
    const typeName = (doc: PlannedDoc) => DOC_TYPE_NAMES[doc.kind.type];
    const refShort = (base: string) => { const doc = docOf(base); return `${typeName(doc)} số ${doc.number} ngày ${viDate(doc.date)}`; };
    const ref = (base: string) => `${refShort(base)} của ${docOf(base).issuerShort}`;
    const fig = figuresByCode.get(leaf.code);
    const c: Ctx = {
      ...baseCtx(leaf, tr, level),
      ...(fig ? { num: viNum(fig[0]), den: viNum(fig[1]), pct: viPct(fig[0], fig[1]), missing: viNum(Math.max(0, fig[1] - fig[0])) } : {}),
      ref, refShort,
      date: (base) => viDate(docOf(base).date),
      cite: (i = 0) => { const e = d.refs[i]; if (!e) throw new Error(`${leaf.code}: no evidence #${i}`); return `${e.loc}, ${ref(e.doc)}`; },
    };
    const score = scoreOf(leaf);
    const evidence: PlannedEvidence[] = d.refs.map((e) => ({
      doc: docOf(e.doc),
      ...(d.flawNoLocator ? {} : { locator: e.loc }),
      ...(e.stats && leaf.evidence?.statisticsTable ? { statisticsTable: true } : {}),
    }));
    const explanation = d.flawNoLocator ? d.flawNoLocator(c)
      : level === 'zero' && !leaf.measure ? (tpl.zero ?? (() => `${meta.subject} tự chấm 0 điểm.`))(c)
      : tpl.text(c);
    for (const e of evidence) {
      const doc = e.doc;
      const line = doc.kind.province ? `${e.locator ?? 'Noi dung'}` : `${e.locator ?? 'Noi dung'}: ${leaf.title}${fig ? ` (${fig[0]}/${fig[1]})` : ''}`;
      if (!sections.has(doc.key)) sections.set(doc.key, new Set());
      sections.get(doc.key)!.add(line);
    }
    items.push({
      code: leaf.code, score,
      ...(fig && leaf.measure ? { figures: { [leaf.measure.numerator.key]: fig[0], [leaf.measure.denominator.key]: fig[1] } } : {}),
      explanation, evidence,
    });
  }
  for (const doc of docs.values()) doc.sections = [...(sections.get(doc.key) ?? [])].sort();

  const selfScore = items.reduce((a, i) => a + i.score, 0);
  return {
    unit: unitId, year, framework: fw.id, preparedBy: meta.preparedBy, items,
    docs: [...docs.values()].sort((a, b) => a.file.localeCompare(b.file)),
    ratio: selfScore / applicableMax,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function renderSelfAssessment(plan: Plan, hashes: Map<string, string>): string {
  const data = {
    unit: plan.unit,
    year: plan.year,
    framework: plan.framework,
    preparedBy: plan.preparedBy,
    items: plan.items.map((it) => ({
      code: it.code,
      score: it.score,
      ...(it.notApplicable ? { notApplicable: true } : {}),
      ...(it.figures ? { figures: it.figures } : {}),
      explanation: it.explanation.normalize('NFC'),
      ...(it.evidence.length ? {
        evidence: it.evidence.map((e) => {
          const sha = hashes.get(e.doc.file);
          if (!sha) throw new Error(`No sha256 for ${e.doc.file}`);
          return {
            number: e.doc.number,
            date: e.doc.date,
            issuer: e.doc.issuer,
            title: e.doc.title.normalize('NFC'),
            file: e.doc.file,
            sha256: sha,
            ...(e.locator ? { locator: e.locator } : {}),
            ...(e.statisticsTable ? { statisticsTable: true } : {}),
          };
        }),
      } : {}),
    })),
  };
  const doc = new Document(data);
  doc.commentBefore = ` Dữ liệu MẪU (không phải số liệu thật), sinh bởi scripts/sample/index.ts; chạy lại lệnh đó thay vì sửa tay.\n Tự chấm: ${viNum(plan.ratio * 100, 2)}% điểm tối đa của các tiêu chí tự chấm áp dụng.`;
  return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

export function writeSelfAssessments(root: string, plans: Plan[], hashes: Map<string, string>): string[] {
  const written: string[] = [];
  for (const plan of plans) {
    const rel = `content/self-assessments/${plan.year}/${plan.unit}.yaml`;
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, renderSelfAssessment(plan, hashes));
    written.push(rel);
  }
  return written;
}

/** Hashes of the evidence files already on disk (used when this script runs alone). */
export function hashesOnDisk(root: string, plans: Plan[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of plans.flatMap((p) => p.docs)) {
    const abs = join(root, d.file);
    if (!existsSync(abs)) throw new Error(`Missing ${d.file}: run npx tsx scripts/sample/index.ts`);
    out.set(d.file, sha256File(abs));
  }
  return out;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const plans = buildPlans(repoRoot);
  for (const f of writeSelfAssessments(repoRoot, plans, hashesOnDisk(repoRoot, plans))) console.log(f);
}
