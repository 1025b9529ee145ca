// Every documented example is checked against the schema the same page documents: an unknown field, a wrong
// type or a missing required field is a contradiction inside the documentation — a doc bug worth reporting.

import type { Constraints, ExampleModel, ObjectModel, ReportEntry, ServiceModel, TypeRef } from '../model.ts';

export interface Contradiction {
  pointer: string;
  problem: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'bigint') return 'integer';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** Contradictions between a value and a type, with JSON pointers; array items are checked, repeats folded. */
export function contradictions(value: unknown, type: TypeRef, schemas: Map<string, ObjectModel>): Contradiction[] {
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, problem: string) => {
    const key = `${pointer.replace(/\/\d+(?=\/|$)/g, '/*')}|${problem}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ pointer: pointer || '/', problem });
    }
  };
  const visit = (v: unknown, t: TypeRef, pointer: string, depth: number) => {
    if (depth > 32 || v === null) return; // null is how the docs write "not set"
    switch (t.kind) {
      case 'primitive': {
        const actual = kindOf(v);
        if (!typeMatches(t.type, actual)) add(pointer, `is ${actual}, documented as ${t.type}`);
        return;
      }
      case 'array':
        if (!Array.isArray(v)) return add(pointer, `is ${kindOf(v)}, documented as array`);
        v.forEach((item, i) => visit(item, t.items, `${pointer}/${i}`, depth + 1));
        return;
      case 'map':
        if (kindOf(v) !== 'object') return add(pointer, `is ${kindOf(v)}, documented as a map`);
        for (const [k, inner] of Object.entries(v as object))
          visit(inner, t.values, `${pointer}/${escapePointer(k)}`, depth + 1);
        return;
      case 'object':
        if (kindOf(v) !== 'object') add(pointer, `is ${kindOf(v)}, documented as object`);
        return;
      case 'ref': {
        const obj = schemas.get(t.name);
        if (!obj) return;
        if (kindOf(v) !== 'object') return add(pointer, `is ${kindOf(v)}, documented as ${t.name} object`);
        const record = v as Record<string, unknown>;
        const fields = new Map(obj.fields.map((f) => [f.name, f]));
        for (const [k, inner] of Object.entries(record)) {
          const field = fields.get(k);
          if (!field) add(`${pointer}/${escapePointer(k)}`, `field not documented in ${t.name}`);
          else {
            visit(inner, field.type, `${pointer}/${escapePointer(k)}`, depth + 1);
            if (!isDocumentedValue(inner, field.constraints.enum))
              add(
                `${pointer}/${escapePointer(k)}`,
                `is ${typeof inner === 'bigint' ? String(inner) : JSON.stringify(inner)}, not one of the documented values`,
              );
            const outside = boundBroken(inner, field.constraints);
            if (outside) add(`${pointer}/${escapePointer(k)}`, outside);
            // A list's items carry their own bounds (`每个标签值最大长度255`).
            if (field.itemConstraints && Array.isArray(inner))
              inner.forEach((item, i) => {
                const broken = boundBroken(item, field.itemConstraints!);
                if (broken) add(`${pointer}/${escapePointer(k)}/${i}`, broken);
              });
          }
        }
        for (const f of obj.fields)
          if (f.required && !(f.name in record))
            add(`${pointer}/${escapePointer(f.name)}`, `required field missing (${t.name})`);
        return;
      }
      case 'oneOf': {
        // Several documented bodies on one route: the example contradicts its docs only when it fits no variant,
        // and then the variant it comes closest to (fewest contradictions) says how.
        const closest = t.variants
          .map((variant) => contradictions(v, variant.type, schemas))
          .reduce((best, next) => (next.length < best.length ? next : best));
        for (const c of closest) add(c.pointer === '/' ? pointer : `${pointer}${c.pointer}`, c.problem);
        return;
      }
      default:
        return;
    }
  };
  visit(value, type, '', 0);
  return out;
}

/** No enum, null ("not set"), a non-scalar (its type is checked above), or one of the listed values. */
function isDocumentedValue(value: unknown, values: unknown[] | undefined): boolean {
  if (!values?.length || value === null || typeof value === 'object') return true;
  return values.some((v) => v === value || (typeof v !== 'object' && String(v) === String(value)));
}

/**
 * The documented length or range a scalar breaks, if any: `带宽ID，不超过32个字节。` beside an example id of 36
 * characters (zh-md/cph/查询带宽信息.md) is the page contradicting itself, as a wrong enum value is. Lengths count
 * code points, as the generated validators do.
 */
export function boundBroken(value: unknown, c: Constraints): string | undefined {
  if (typeof value === 'string') {
    const length = [...value].length;
    if (c.maxLength !== undefined && length > c.maxLength)
      return `is ${length} characters long, documented as at most ${c.maxLength}`;
    if (c.minLength !== undefined && length < c.minLength)
      return `is ${length} characters long, documented as at least ${c.minLength}`;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (c.maximum !== undefined && value > c.maximum) return `is ${value}, documented as at most ${c.maximum}`;
    if (c.minimum !== undefined && value < c.minimum) return `is ${value}, documented as at least ${c.minimum}`;
  }
  return undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function checkExamples(model: ServiceModel, report: (entry: ReportEntry) => void): number {
  let count = 0;
  const check = (examples: ExampleModel[], type: TypeRef | undefined, file: string, section: string) => {
    if (!type) return;
    examples.forEach((ex, i) => {
      if (ex.value === undefined) return;
      for (const c of contradictions(ex.value, type, model.schemas)) {
        count++;
        report({
          file,
          section,
          table: `example ${i + 1}`,
          row: c.pointer,
          reason: `example contradicts the documented schema: ${c.pointer} ${c.problem}`,
          severity: 'warning',
        });
      }
    });
  };
  for (const op of model.operations) {
    const file = op.source.file;
    if (op.requestBody)
      check(op.requestBody.examples, op.requestBody.type, file, `request example of ${op.operationId}`);
    for (const r of op.responses) check(r.examples, r.body, file, `response ${r.status} example of ${op.operationId}`);
  }
  return count;
}
