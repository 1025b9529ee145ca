// hwdocs.config.json: loaded and validated against config/hwdocs.config.schema.json, the schema that ships
// with the package (and that editors use through `$schema`). The checker below covers the keywords that schema
// uses, so the schema file stays the single definition of what a valid config is.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServiceConfig {
  name: string;
  inputs: string[];
  spec: string;
  output?: string;
  package?: string;
  report?: string;
  strict?: boolean;
  crawlCache?: string;
  /** Pinned names: `operations` by route (`GET /v3/{project_id}/elb/listeners`), `schemas` by generated name or caption. */
  names?: { operations?: Record<string, string>; schemas?: Record<string, string> };
}

export interface ProjectConfig {
  services: ServiceConfig[];
  /** Folder the config file is in: relative paths in it are relative to this. */
  root: string;
}

export class ConfigError extends Error {}

type JsonSchema = {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  pattern?: string;
};

const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), 'hwdocs.config.schema.json');

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** Problems of `value` against `schema`, each `pointer: message`. */
export function schemaProblems(value: unknown, schema: JsonSchema, pointer = ''): string[] {
  const at = pointer || '/';
  const actual = typeOf(value);
  if (schema.type && actual !== schema.type && !(schema.type === 'number' && actual === 'integer'))
    return [`${at}: must be ${schema.type}, is ${actual}`];
  const problems: string[] = [];
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}: missing required '${key}'`);
    for (const [key, inner] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (schema.propertyNames)
        problems.push(...schemaProblems(key, schema.propertyNames, `${pointer}/${key}`).map((p) => `${p} (key)`));
      const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      if (sub) problems.push(...schemaProblems(inner, sub, `${pointer}/${key}`));
      else if (extra) problems.push(...schemaProblems(inner, extra, `${pointer}/${key}`));
      else if (schema.additionalProperties === false) problems.push(`${pointer}/${key}: unknown setting`);
    }
  }
  if (actual === 'array') {
    const list = value as unknown[];
    if (schema.minItems !== undefined && list.length < schema.minItems)
      problems.push(`${at}: needs at least ${schema.minItems} item(s)`);
    if (schema.items)
      list.forEach((item, i) => problems.push(...schemaProblems(item, schema.items!, `${pointer}/${i}`)));
  }
  if (actual === 'string') {
    const text = value as string;
    if (schema.minLength !== undefined && text.length < schema.minLength) problems.push(`${at}: must not be empty`);
    if (schema.pattern && !new RegExp(schema.pattern).test(text))
      problems.push(`${at}: '${text}' does not match ${schema.pattern}`);
  }
  return problems;
}

export async function loadConfig(file: string): Promise<ProjectConfig> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new ConfigError(err.code === 'ENOENT' ? `config not found: ${file}` : `cannot read ${file}: ${err.message}`);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as JsonSchema;
  const problems = schemaProblems(data, schema);
  if (!problems.length) {
    // Only a config of the right shape can be asked for duplicate names.
    const names = (data as { services: { name: string }[] }).services.map((s) => s.name);
    for (const dup of names.filter((n, i) => names.indexOf(n) !== i))
      problems.push(`/services: service '${dup}' defined twice`);
  }
  if (problems.length) throw new ConfigError(`${file} is not a valid hwdocs config:\n  ${problems.join('\n  ')}`);
  return { ...(data as { services: ServiceConfig[] }), root: dirname(resolve(file)) };
}
