// The validation engine: parse → schema → semantic rules → positions. Pure apart from the
// ContentSource it is given, so CI, the CLI, the portal's gate and the CMS page share it.
import { classifyPath, CONTENT_DIRS, selfAssessmentPath, type PathInfo } from '../kinds.js';
import { parseYaml } from '../load/yaml.js';
import { createLocator } from '../load/positions.js';
import { validateSchema } from './schema.js';
import { readText, type ContentSource } from '../source.js';
import { indexFramework, type Access, type Appraisal, type Survey, type Campaign, type Framework, type SelfAssessment, type Unit } from '../model.js';
import { rulesFor } from '../rules/index.js';
import type { ContextByKind, EvidenceInfo, Registry, Report } from '../rules/types.js';
import { evidenceEntries } from '../rules/evidence.js';
import { inspectPdf, latin1, sha256Hex } from '../evidence/pdf.js';
import { verifySignatures } from '../evidence/signature.js';
import { emptyTrust, parseTrustStore, type TrustStore } from '../evidence/trust.js';
import { readHeader, type DocumentHeader } from '../evidence/header.js';
import { sortFindings, type Finding, type RawFinding } from '../findings.js';

export interface ParsedFile {
  path: string;
  info: PathInfo;
  text: string;
  data: unknown;
  /** Parsed and structurally valid: semantic rules may run on it. */
  valid: boolean;
  findings: RawFinding[];
}

export async function parseFile(source: ContentSource, path: string, info = classifyPath(path)!): Promise<ParsedFile> {
  const text = await readText(source, path);
  if (text === null) {
    return { path, info, text: '', data: undefined, valid: false, findings: [{ rule: 'yaml-syntax', severity: 'error', file: path, line: 1, column: 1, message: 'Không đọc được tệp.' }] };
  }
  return parseText(text, path, info);
}

export function parseText(text: string, path: string, info = classifyPath(path)!): ParsedFile {
  const parsed = parseYaml(text, path);
  if (parsed.findings.length) return { path, info, text, data: undefined, valid: false, findings: parsed.findings };
  const schemaFindings = validateSchema(info.kind, parsed.data, path);
  return { path, info, text, data: parsed.data, valid: schemaFindings.length === 0, findings: schemaFindings };
}

export interface LoadedRegistry {
  registry: Registry;
  files: ParsedFile[];
}

/**
 * Units, frameworks and campaigns: small, needed by every check, loaded once per run. With
 * `units`, only those unit files are read (checking one file in a 4,000-unit province must not
 * parse 4,000 unit files); `ensureUnit` fills in more on demand.
 */
export async function loadRegistry(source: ContentSource, options: { units?: string[] } = {}): Promise<LoadedRegistry> {
  const dirs = [...(options.units ? [] : [CONTENT_DIRS.units]), CONTENT_DIRS.frameworks, CONTENT_DIRS.campaigns];
  const paths = (await Promise.all(dirs.map((d) => source.list(d)))).flat().filter((p) => classifyPath(p));
  if (await source.read(CONTENT_DIRS.access)) paths.push(CONTENT_DIRS.access);
  const files = await Promise.all(paths.map((p) => parseFile(source, p)));
  // Named units: one read each; a missing file is simply not in the registry.
  for (const id of new Set(options.units ?? [])) {
    if (!/^[a-z0-9-]+$/.test(id)) continue;
    const p = `${CONTENT_DIRS.units}/${id}.yaml`;
    const text = await readText(source, p);
    if (text !== null) files.push(parseText(text, p));
  }
  const registry: Registry = { units: new Map(), frameworks: new Map(), campaigns: new Map(), broken: new Set(), ...(options.units ? { partial: true } : {}) };
  for (const f of files) {
    const key = f.info.kind === 'campaign' ? `campaign:${f.info.year}` : `${f.info.kind}:${f.info.id}`;
    // Keyed by path: a file whose inner id contradicts its name (reported by *-id-path) must
    // never stand in for the real entry, so it counts as broken.
    const inner = f.valid ? (f.info.kind === 'campaign' ? String((f.data as Campaign).year) : (f.data as { id?: string }).id) : undefined;
    if (!f.valid || (f.info.kind !== 'access' && inner !== f.info.id)) { registry.broken.add(key); continue; }
    if (f.info.kind === 'unit') registry.units.set(f.info.id, f.data as Unit);
    else if (f.info.kind === 'framework') registry.frameworks.set(f.info.id, indexFramework(f.data as Framework));
    else if (f.info.kind === 'campaign') registry.campaigns.set(f.info.year!, f.data as Campaign);
    else if (f.info.kind === 'access') registry.access = f.data as Access;
  }
  return { registry, files };
}

/** In a partial registry, loads a unit a file names before rules ask for it. */
export async function ensureUnit(registry: Registry, source: ContentSource, id: string): Promise<void> {
  if (!registry.partial || registry.units.has(id) || registry.broken.has(`unit:${id}`) || !/^[a-z0-9-]+$/.test(id)) return;
  const path = `${CONTENT_DIRS.units}/${id}.yaml`;
  const text = await readText(source, path);
  if (text === null) return;
  const f = parseText(text, path);
  if (f.valid) registry.units.set(id, f.data as Unit);
  else registry.broken.add(`unit:${id}`);
}

/** A copy of `s` that does not share storage with a larger string it was sliced from. */
function ownString(s: string): string {
  return (' ' + s).slice(1);
}

/** Which evidence files get their header read (pdfjs: the costly part, see docs/evidence.md). */
export type HeaderPolicy = boolean | ((path: string) => boolean);

/** Headers already read, by SHA-256 of the file (an adapter may keep them on disk). */
export interface HeaderMemo {
  get(sha256: string): DocumentHeader | null | undefined | Promise<DocumentHeader | null | undefined>;
  set(sha256: string, header: DocumentHeader | null): void;
}

export interface InspectorOptions {
  /** Default true: every PDF's header is read. */
  headers?: HeaderPolicy;
  headerMemo?: HeaderMemo;
  /** Default true; false keeps only the structural check (the benchmark's baseline). */
  verify?: boolean;
}

/** The province's trust store, read through the source (content/trust/*.pem). */
export async function loadTrustStore(source: ContentSource): Promise<TrustStore> {
  const paths = (await source.list(CONTENT_DIRS.trust)).filter((p) => /\.(pem|crt)$/i.test(p)).sort();
  if (!paths.length) return emptyTrust();
  const files = await Promise.all(paths.map(async (path) => ({ path, text: (await readText(source, path)) ?? '' })));
  return parseTrustStore(files);
}

/** Reads and inspects evidence files once per run, however many items cite them; also parses
 * the related data files some checks need (an appraisal reads its unit's self-assessment). */
export class EvidenceInspector {
  private cache = new Map<string, Promise<EvidenceInfo>>();
  private files = new Map<string, Promise<ParsedFile | null>>();
  private trust?: Promise<TrustStore>;
  /** `hash` defaults to WebCrypto (browser and Node); Node callers pass a synchronous one,
   * which spares a thread-pool round trip per evidence file. */
  constructor(private source: ContentSource, private hash: (bytes: Uint8Array) => string | Promise<string> = sha256Hex,
    private options: InspectorOptions = {}) {}
  parsed(path: string): Promise<ParsedFile | null> {
    let hit = this.files.get(path);
    if (!hit) {
      hit = (async () => ((await this.source.read(path)) ? parseFile(this.source, path) : null))();
      this.files.set(path, hit);
    }
    return hit;
  }
  trustStore(): Promise<TrustStore> {
    return (this.trust ??= loadTrustStore(this.source));
  }
  private wantsHeader(path: string): boolean {
    const h = this.options.headers ?? true;
    return typeof h === 'function' ? h(path) : h;
  }
  private async header(bytes: Uint8Array, sha256: string): Promise<DocumentHeader | undefined> {
    const memo = this.options.headerMemo;
    const known = await memo?.get(sha256);
    if (known !== undefined) return known ?? undefined;
    const header = await readHeader(bytes);
    memo?.set(sha256, header ?? null);
    return header;
  }
  inspect(path: string): Promise<EvidenceInfo> {
    let hit = this.cache.get(path);
    if (!hit) {
      // The path usually is a slice of a YAML text: kept as a cache key, it would keep the
      // whole text (~150 KB) alive for the rest of the run. A fresh copy holds only itself.
      path = ownString(path);
      hit = (async () => {
        const bytes = await this.source.read(path);
        if (!bytes) return { path, exists: false };
        const sha256 = await this.hash(bytes);
        const head = latin1(bytes.subarray(0, 1024));
        const text = /^\s*%PDF-/.test(head) ? latin1(bytes) : undefined;
        const pdf = inspectPdf(bytes, text);
        const info: EvidenceInfo = { path, exists: true, sha256, pdf };
        if (!pdf.isPdf || text === undefined) return info;
        if (pdf.signatures && this.options.verify !== false) {
          const trust = await this.trustStore();
          info.signatures = await verifySignatures(bytes, text, trust);
          info.trustConfigured = trust.anchors.length > 0;
        }
        if (this.wantsHeader(path)) {
          const header = await this.header(bytes, sha256);
          if (header) info.header = header;
        }
        return info;
      })();
      this.cache.set(path, hit);
    }
    return hit;
  }
}

function runRules<K extends keyof ContextByKind>(kind: K, ctx: ContextByKind[K], file: string, code: (path?: (string | number)[]) => string | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rulesFor(kind)) {
    const report: Report = (f) => out.push({ rule: rule.id, severity: rule.severity, file, path: f.path, atKey: f.atKey,
      code: f.code ?? code(f.path), message: f.message });
    try {
      rule.check(ctx, report);
    } catch (error) {
      // A rule bug must not hide the other findings or crash CI; it is reported as itself.
      out.push({ rule: rule.id, severity: 'error', file, line: 1, column: 1,
        message: `Lỗi nội bộ của quy tắc ${rule.id}: ${(error as Error)?.message ?? error}. Vui lòng báo cho quản trị.` });
    }
  }
  return out;
}

/** Semantic rules for one parsed, structurally valid file. */
export async function checkFile(file: ParsedFile, registry: Registry, evidence: EvidenceInspector): Promise<RawFinding[]> {
  if (!file.valid) return [];
  const { info, path } = file;
  const codeAt = (p?: (string | number)[]) => {
    if (!p) return undefined;
    if (p[0] === 'items' && typeof p[1] === 'number') return (file.data as SelfAssessment).items[p[1]]?.code;
    return undefined;
  };
  switch (info.kind) {
    case 'self-assessment': {
      const data = file.data as SelfAssessment;
      const fw = registry.frameworks.get(data.framework);
      const entries = evidenceEntries(data, info.year!, info.id, fw);
      const paths = new Set<string>();
      for (const e of entries) if (e.file?.inside) paths.add(e.file.path);
      const infos = await Promise.all([...paths].map((p) => evidence.inspect(p)));
      return runRules('self-assessment', {
        file: path, data, registry, pathYear: info.year!, pathUnit: info.id,
        unit: registry.units.get(data.unit), campaign: registry.campaigns.get(data.year),
        framework: fw, evidence: new Map(infos.map((i) => [i.path, i])), entries,
      }, path, codeAt);
    }
    case 'framework': {
      const data = file.data as Framework;
      return runRules('framework', { file: path, data, registry, pathId: info.id, index: indexFramework(data) }, path, () => undefined);
    }
    case 'campaign':
      return runRules('campaign', { file: path, data: file.data as Campaign, registry, pathYear: info.year! }, path, () => undefined);
    case 'unit':
      return runRules('unit', { file: path, data: file.data as Unit, registry, pathId: info.id }, path, () => undefined);
    case 'appraisal': {
      const data = file.data as Appraisal;
      const sa = await evidence.parsed(selfAssessmentPath(info.year!, info.id));
      const codeOf = (p?: (string | number)[]) => (p?.[0] === 'items' && typeof p[1] === 'number' ? data.items[p[1]]?.code : undefined);
      return runRules('appraisal', {
        file: path, data, registry, pathYear: info.year!, pathUnit: info.id, unit: registry.units.get(data.unit),
        campaign: registry.campaigns.get(data.year), framework: registry.frameworks.get(data.framework),
        selfAssessment: sa?.valid ? (sa.data as SelfAssessment) : undefined,
      }, path, codeOf);
    }
    case 'survey':
      return runRules('survey', { file: path, data: file.data as Survey, registry, pathYear: info.year!, campaign: registry.campaigns.get(info.year!) }, path, () => undefined);
    case 'access':
      return [];
  }
}

/** Turns raw findings into positioned ones, parsing positions once per file that needs them. */
export function resolvePositions(raw: RawFinding[], texts: Map<string, string>): Finding[] {
  const locators = new Map<string, ReturnType<typeof createLocator>>();
  return raw.map((f) => {
    let { line, column } = f;
    if (line === undefined || column === undefined) {
      const text = texts.get(f.file);
      if (text !== undefined && f.path) {
        let loc = locators.get(f.file);
        if (!loc) { loc = createLocator(text); locators.set(f.file, loc); }
        ({ line, column } = loc.locate(f.path, f.atKey));
      }
    }
    const out: Finding = { rule: f.rule, severity: f.severity, file: f.file, line: line ?? 1, column: column ?? 1, message: f.message };
    if (f.code) out.code = f.code;
    return out;
  });
}

export interface ValidateOptions {
  /** Only these repository paths (default: everything under content/). */
  paths?: string[];
  /** Exactly these data files, no mapping (callers that already resolved their targets). */
  targets?: string[];
  /** SHA-256 of evidence bytes (hex); default WebCrypto. */
  hash?: (bytes: Uint8Array) => string | Promise<string>;
  /** Which evidence headers to read (default all) and where earlier readings are kept. */
  headers?: HeaderPolicy;
  headerMemo?: HeaderMemo;
  /** Verify signatures cryptographically (default true). */
  verify?: boolean;
  /** A registry loaded earlier (the CMS and the benchmark reuse one). */
  registry?: LoadedRegistry;
  onProgress?: (done: number, total: number) => void;
  /**
   * Shares `targets` with other threads: each file is checked by the thread whose `claim()`
   * returned its index first (an atomic counter), until it returns an index past the end.
   */
  claim?: () => number;
}

export interface ValidationResult {
  findings: Finding[];
  files: number;
}

/** Maps requested paths to the data files to check: evidence → its unit's self-assessment. */
export function targetsFor(paths: string[]): { targets: string[]; all: boolean } {
  const targets = new Set<string>();
  let all = false;
  for (const p of paths) {
    const info = classifyPath(p);
    if (info) {
      if (info.kind !== 'self-assessment') all = true; // a registry change can break any file
      targets.add(p);
      continue;
    }
    // The trust store decides every signature's verdict.
    if (p.startsWith(`${CONTENT_DIRS.trust}/`)) { all = true; continue; }
    const ev = /^content\/evidence\/(\d{4})\/([^/]+)\//.exec(p);
    if (ev) targets.add(`${CONTENT_DIRS.selfAssessments}/${ev[1]}/${ev[2]}.yaml`);
  }
  return { targets: [...targets], all };
}

export async function listDataFiles(source: ContentSource): Promise<string[]> {
  return (await source.list('content')).filter((p) => classifyPath(p));
}

/** Kinds checked file by file against their own unit (the rest form the registry). */
export const PER_UNIT_KINDS: ReadonlySet<string> = new Set(['self-assessment', 'appraisal']);

export async function validate(source: ContentSource, options: ValidateOptions = {}): Promise<ValidationResult> {
  let targets: string[];
  if (options.targets) {
    targets = options.targets;
  } else if (options.paths) {
    const t = targetsFor(options.paths);
    targets = t.all ? await listDataFiles(source) : t.targets;
  } else {
    targets = await listDataFiles(source);
  }
  const infos = targets.map((p) => classifyPath(p));
  // Only per-unit files to check: read just their units (see loadRegistry).
  const perUnitOnly = infos.every((i) => i && PER_UNIT_KINDS.has(i.kind));
  // A claiming thread does not know its files yet: it loads each unit when a file names it.
  const units = options.claim ? [] : infos.map((i) => i!.id);
  const loaded = options.registry ?? await loadRegistry(source, perUnitOnly ? { units } : {});
  const { registry, files: registryFiles } = loaded;
  const byPath = new Map(registryFiles.map((f) => [f.path, f]));
  const evidence = new EvidenceInspector(source, options.hash, { headers: options.headers, headerMemo: options.headerMemo, verify: options.verify });
  // Positions are resolved file by file as soon as a file is checked, and texts are not kept:
  // holding 4,000 texts until the end costs hundreds of MB and the GC time that goes with them.
  const out: Finding[] = [];
  const elsewhere: RawFinding[] = [];
  let done = 0;
  let checked = 0;
  const claim = options.claim;
  for (let k = claim ? claim() : 0; k < targets.length; k = claim ? claim() : k + 1) {
    const path = targets[k]!;
    const info = classifyPath(path);
    if (!info) continue;
    const file = byPath.get(path) ?? await parseFile(source, path, info);
    checked++;
    const named = (file.data as { unit?: unknown } | undefined)?.unit;
    if (file.valid && typeof named === 'string') await ensureUnit(registry, source, named);
    const found = [...file.findings, ...await checkFile(file, registry, evidence)];
    if (found.length) {
      out.push(...resolvePositions(found.filter((f) => f.file === path), new Map([[path, file.text]])));
      elsewhere.push(...found.filter((f) => f.file !== path));
    }
    options.onProgress?.(++done, targets.length);
  }
  if (elsewhere.length) {
    // A rule may point at another file (a unit file that breaks a self-assessment).
    const texts = new Map<string, string>();
    for (const f of new Set(elsewhere.map((x) => x.file))) {
      const text = byPath.get(f)?.text ?? await readText(source, f);
      if (text !== null) texts.set(f, text);
    }
    out.push(...resolvePositions(elsewhere, texts));
  }
  return { findings: sortFindings(out), files: checked };
}
