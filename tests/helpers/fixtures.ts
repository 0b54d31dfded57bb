// Fixture plumbing shared by the core tests: the mini repository under tests/fixtures/base as a
// ContentSource, overlays of whole files on top of it, and the per-rule fixtures under
// tests/fixtures/rules/<rule-id>/{valid,invalid}/*.yaml with their header directives.
//
// A rule fixture is a complete file. Its leading comment block may say:
//   # path: content/...                      where it goes (default: the base self-assessment)
//   # expect: <rule-id> line <N> [code <C>] [in <path>]
//                                            one finding: rule, line, criterion code, and file
//                                            (default: the fixture's own path)
// Line numbers count the header too: they are the lines an officer sees in the file.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memorySource, overlaySource, type ContentSource } from '../../scripts/core/source.js';
import { fsSource } from '../../scripts/io/fs-source.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE_ROOT = join(REPO_ROOT, 'tests', 'fixtures', 'base');
export const RULE_FIXTURES_ROOT = join(REPO_ROOT, 'tests', 'fixtures', 'rules');
export const BASE_SELF_ASSESSMENT = 'content/self-assessments/2023/don-vi-a.yaml';

/** The mini repository on disk (read-only: overlays never write to it). */
export function baseSource(): ContentSource {
  return fsSource(BASE_ROOT);
}

/** The base repository with these whole files added or replaced. */
export function withFiles(files: Record<string, string | Uint8Array>, base: ContentSource = baseSource()): ContentSource {
  return overlaySource(memorySource(files), base);
}

/** A file of the base repository as text. */
export function baseText(path: string): string {
  return readFileSync(join(BASE_ROOT, path), 'utf8');
}

/** A file of the base repository as bytes. */
export function baseBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(BASE_ROOT, path)));
}

export interface Expectation {
  rule: string;
  line: number;
  code?: string;
  /** Repository path of the file the finding is in. */
  file: string;
  /** The directive as written, for failure messages. */
  source: string;
}

export interface RuleFixture {
  rule: string;
  kind: 'valid' | 'invalid';
  name: string;
  /** Path of the fixture on disk, relative to the repository root. */
  fixture: string;
  /** Repository path the fixture is placed at. */
  target: string;
  bytes: Uint8Array;
  expects: Expectation[];
  /** Header lines that look like directives but could not be read. */
  problems: string[];
}

const EXPECT = /^expect:\s*(\S+)\s+line\s+(\d+)(?:\s+code\s+(\S+))?(?:\s+in\s+(\S+))?\s*$/;

/** Reads the leading comment block. Bytes, not text: an encoding fixture is not valid UTF-8. */
export function parseHeader(bytes: Uint8Array): { target: string; expects: Expectation[]; problems: string[] } {
  // latin1 keeps every byte one character, so line counting is exact whatever the encoding.
  let text = Buffer.from(bytes).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  let target = BASE_SELF_ASSESSMENT;
  const pending: Omit<Expectation, 'file'>[] = [];
  const files: (string | undefined)[] = [];
  const problems: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.startsWith('#')) break;
    const body = line.replace(/^#\s*/, '');
    if (body.startsWith('path:')) {
      target = body.slice('path:'.length).trim();
    } else if (body.startsWith('expect:')) {
      const m = EXPECT.exec(body);
      if (!m) { problems.push(line); continue; }
      pending.push({ rule: m[1]!, line: Number(m[2]), ...(m[3] ? { code: m[3] } : {}), source: line });
      files.push(m[4]);
    }
  }
  const expects = pending.map((e, i) => ({ ...e, file: files[i] ?? target }));
  return { target, expects, problems };
}

/** Every rule fixture on disk, sorted by rule, kind and name. */
export function listRuleFixtures(root = RULE_FIXTURES_ROOT): RuleFixture[] {
  if (!existsSync(root)) return [];
  const out: RuleFixture[] = [];
  for (const rule of ruleFixtureDirs(root)) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(root, rule, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
        const bytes = new Uint8Array(readFileSync(join(dir, name)));
        const { target, expects, problems } = parseHeader(bytes);
        out.push({ rule, kind, name, fixture: `tests/fixtures/rules/${rule}/${kind}/${name}`, target, bytes, expects, problems });
      }
    }
  }
  return out;
}

/** Rule ids that have a fixture folder (including ones no rule has: typos, retired rules). */
export function ruleFixtureDirs(root = RULE_FIXTURES_ROOT): string[] {
  return existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}
