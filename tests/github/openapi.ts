// GitHub's REST description (@octokit/openapi) as a validator for the fake server: request
// bodies, path and query parameters, and every response the fake sends. Loaded once per test
// file (13 MB); only the operations a test touches are compiled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
const ID = 'https://parindex.test/github-openapi.json';
export const GITHUB_SCHEMA_ID = ID;

/**
 * OpenAPI 3.0 writes "nullable: true" beside allOf/anyOf/oneOf without a type, which ajv
 * rejects: turn those into anyOf [schema, null]. Refs become absolute so that a compiled
 * fragment resolves them against the whole description.
 */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (!v || typeof v !== 'object') return v;
  const o = v as Json;
  const out: Json = {};
  for (const [k, x] of Object.entries(o)) out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? ID + x : normalize(x);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: string[];
  literals: number;
  spec: Json;
}

export class GithubDescription {
  readonly spec: Json;
  readonly ajv: Ajv;
  readonly operations: Operation[] = [];
  private compiled = new Map<string, ValidateFunction>();

  constructor() {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Json;
    this.spec = normalize(raw) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, coerceTypes: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: ID, components: this.spec.components });
    for (const [template, item] of Object.entries(this.spec.paths as Record<string, Json>)) {
      const segments = template.split('/').filter(Boolean);
      const params: string[] = [];
      let literals = 0;
      const re = segments.map((s, i) => {
        const m = /^\{(.+)\}$/.exec(s);
        if (!m) { literals++; return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
        params.push(m[1]!);
        // A last parameter named ref or path may hold slashes ("heads/main", ".github/CODEOWNERS").
        return i === segments.length - 1 && /^(ref|path)$/.test(m[1]!) ? '(.+)' : '([^/]+)';
      }).join('/');
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        if (item[method]) this.operations.push({ method: method.toUpperCase(), template, pattern: new RegExp(`^/${re}$`), params, literals, spec: item[method] as Json });
      }
    }
    // Most literal segments first: /rulesets/rule-suites before /rulesets/{ruleset_id}.
    this.operations.sort((a, b) => b.literals - a.literals);
  }

  find(method: string, pathname: string): { op: Operation; params: Record<string, string> } | null {
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const m = op.pattern.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      op.params.forEach((p, i) => { params[p] = decodeURIComponent(m[i + 1]!); });
      return { op, params };
    }
    return null;
  }

  resolve(v: unknown): Json {
    let o = v as Json;
    while (o && typeof o.$ref === 'string') {
      const path = (o.$ref as string).slice(ID.length + 2).split('/');
      o = path.reduce<Json>((a, k) => a[k] as Json, this.spec);
    }
    return o;
  }

  validator(key: string, schema: unknown): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) { v = this.ajv.compile(schema as Json); this.compiled.set(key, v); }
    return v;
  }

  /** Errors of a request against the operation's parameters and body ([] when GitHub would accept it). */
  checkRequest(op: Operation, params: Record<string, string>, query: URLSearchParams, body: unknown): string[] {
    const errors: string[] = [];
    for (const p0 of (op.spec.parameters as unknown[] | undefined) ?? []) {
      const p = this.resolve(p0);
      const name = p.name as string;
      const raw = p.in === 'path' ? params[name] : p.in === 'query' ? query.get(name) ?? undefined : undefined;
      if (raw === undefined) {
        if (p.required && p.in !== 'header') errors.push(`thiếu tham số ${p.in} “${name}”`);
        continue;
      }
      const schema = p.schema as Json;
      const value = schema.type === 'integer' || schema.type === 'number' ? Number(raw) : schema.type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
      const v = this.validator(`${op.method} ${op.template} param ${name}`, schema);
      if (!v(value)) errors.push(`tham số “${name}”=${raw}: ${this.ajv.errorsText(v.errors)}`);
    }
    const rb = op.spec.requestBody ? this.resolve(op.spec.requestBody) : null;
    const schema = (rb?.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (body === undefined) {
      if (rb?.required) errors.push('thiếu nội dung yêu cầu');
    } else if (schema) {
      const v = this.validator(`${op.method} ${op.template} request`, schema.schema);
      if (!v(body)) errors.push(`nội dung yêu cầu: ${this.ajv.errorsText(v.errors, { separator: '; ' })}`);
    }
    return errors;
  }

  /** Errors of a response the fake is about to send. */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    const responses = op.spec.responses as Record<string, unknown>;
    const r0 = responses[String(status)];
    if (!r0) {
      // GitHub answers 404/409/422 on many operations whose description omits them; the body is
      // then its generic error object.
      const generic = [403, 404, 409, 422].includes(status) && typeof (body as { message?: unknown } | null)?.message === 'string';
      return generic ? [] : [`mã ${status} không có trong mô tả của ${op.method} ${op.template}`];
    }
    const r = this.resolve(r0);
    const schema = ((r.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    if (!schema) return body === undefined || body === null ? [] : [`${status} không có nội dung JSON`];
    const v = this.validator(`${op.method} ${op.template} ${status}`, schema);
    return v(body) ? [] : [`phản hồi ${status}: ${this.ajv.errorsText(v.errors, { separator: '; ' })}`];
  }

  responseSchema(method: string, template: string, status: number): Json {
    const op = this.operations.find((o) => o.method === method && o.template === template);
    if (!op) throw new Error(`no operation ${method} ${template}`);
    const r = this.resolve((op.spec.responses as Json)[String(status)]);
    return this.resolve(((r.content as Json)['application/json'] as Json).schema);
  }

  /** A minimal value valid against `schema`: every required property, first enum, first branch. */
  sample(schema0: unknown, depth = 0): unknown {
    const s = this.resolve(schema0);
    if (depth > 12) return null;
    if (s.allOf) return Object.assign({}, ...(s.allOf as unknown[]).map((x) => this.sample(x, depth + 1) as Json));
    if (s.anyOf || s.oneOf) return this.sample(((s.anyOf ?? s.oneOf) as unknown[])[0], depth + 1);
    if (s.enum) return (s.enum as unknown[])[0];
    if (s.const !== undefined) return s.const;
    const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type as string | undefined;
    switch (type) {
      case 'object': case undefined: {
        if (type === undefined && !s.properties) return {};
        const out: Json = {};
        for (const k of (s.required as string[] | undefined) ?? []) out[k] = this.sample((s.properties as Json | undefined)?.[k] ?? {}, depth + 1);
        return out;
      }
      case 'array': return [];
      case 'integer': case 'number': return typeof s.minimum === 'number' ? s.minimum : 1;
      case 'boolean': return false;
      case 'null': return null;
      case 'string':
        switch (s.format) {
          case 'date-time': return '2023-11-17T09:00:00Z';
          case 'date': return '2023-11-17';
          case 'uri': case 'url': return 'https://example.test/x';
          case 'email': return 'x@example.test';
          case 'uuid': return '00000000-0000-4000-8000-000000000000';
          default: return typeof s.minLength === 'number' && s.minLength > 1 ? 'x'.repeat(s.minLength) : 'x';
        }
      default: return null;
    }
  }
}

let shared: GithubDescription | null = null;
export function githubDescription(): GithubDescription {
  shared ??= new GithubDescription();
  return shared;
}
