// validators.ts of the generated package: straight-line checking code, one function per named schema, written out
// at generation time (no schema interpreter and no Ajv at run time). Each keyword becomes an `if`; issues carry a
// JSON Pointer built lazily (only when something fails) except where a value is handed to another function.
import { isPlainObject as isObject, type JsonObject, type JsonValue } from '../spec/load.ts';
import type { OperationModel, ServiceModel } from '../model.ts';
import { schemaRefName } from '../model.ts';
import { pointerSegment, stringLiteral, unescapePointerSegment } from '../escape.ts';

type Kind = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const KINDS: Kind[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/** A numeric bound as source text: exact bigint literals beyond 2^53, plain numbers otherwise. */
function numericLiteral(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Number.isFinite(value)) return Object.is(value, -0) ? '0' : String(value);
  return undefined;
}

/**
 * The failure test `v <op> B` for a bound B beyond 2^53. Comparing a number with a bigint is exact but about ten
 * times slower than comparing two numbers, so numbers are compared with the nearest double D of B instead, and the
 * operator is adjusted for the rounding: no double lies strictly between B and D, so for a double v, `v > B` is
 * `v > D` when D < B and `v >= D` when D > B (and `v < B` likewise). bigint values still compare exactly.
 */
/** Nesting of named schemas the generated validators follow in one value (see helperSource). */
const MAX_VALIDATION_DEPTH = 256;

function bigintBoundTest(v: string, op: '<' | '<=' | '>' | '>=', bound: bigint): string {
  const nearest = Number(bound);
  const nearestExact = BigInt(nearest);
  let numberOp: string = op;
  if (nearestExact !== bound) {
    const failsAbove = op === '>' || op === '>=';
    numberOp = failsAbove ? (nearestExact < bound ? '>' : '>=') : nearestExact > bound ? '<' : '<=';
  }
  const nearestLiteral = nearestExact.toString(); // an integer literal that reads back as exactly `nearest`
  return `(typeof ${v} === 'number' ? ${v} ${numberOp} ${nearestLiteral} : ${v} ${op} ${bound}n)`;
}

/** Appends a constant JSON Pointer segment to a path expression, folding literals at generation time. */
function appendSegment(pathExpr: string, segment: string): string {
  const suffix = '/' + pointerSegment(segment);
  if (pathExpr.startsWith('"')) return stringLiteral(JSON.parse(pathExpr) + suffix);
  return `${pathExpr} + ${stringLiteral(suffix)}`;
}

/**
 * `if (v === undefined) fail(required)` (when required) followed by the checks of a present value, folded into the
 * shortest equivalent form: a lone `if (c) fail(…)` check joins the presence test.
 */
function presenceThenChecks(v: string, missing: string, checks: string[]): string[] {
  const single = checks.length === 1 ? /^if \((.*)\) (\w+ = fail\(.*\);|return false;)$/.exec(checks[0]) : null;
  if (missing) {
    if (!checks.length) return [missing];
    return single ? [missing, `else if (${single[1]}) ${single[2]}`] : [missing, 'else {', ...checks, '}'];
  }
  if (!checks.length) return [];
  return single
    ? [`if (${v} !== undefined && ${single[1]}) ${single[2]}`]
    : [`if (${v} !== undefined) {`, ...checks, '}'];
}

const CALL_OPEN = '\u0001';
const BOOL_CALL_OPEN = '\u0003';
const BOOL_CALL_PATTERN = /\u0003(\d+)\u0002/g;
const CALL_CLOSE = '\u0002';
const CALL_PATTERN = /\u0001(\d+)\u0002/g;

/** `!(typeof v === 'string')` → `typeof v !== 'string'` (smaller code to format); other tests are negated whole. */
function negatedTest(tests: string[]): string {
  const simple = tests.length === 1 ? /^typeof (\w+) === ('\w+')$/.exec(tests[0]) : null;
  if (simple) return `typeof ${simple[1]} !== ${simple[2]}`;
  if (tests.length === 1 && /^\w+ === null$/.test(tests[0])) return tests[0].replace('===', '!==');
  return `!(${tests.join(' || ')})`;
}

/** True when every enum/const value of `schema` has one of the `kinds` (then passing the enum implies the type). */
function enumImpliesKinds(schema: JsonObject, kinds: Kind[]): boolean {
  const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : undefined;
  if (!values || values.length === 0) return false;
  return values.every((value) => {
    if (value === null) return kinds.includes('null');
    if (typeof value === 'string') return kinds.includes('string');
    if (typeof value === 'boolean') return kinds.includes('boolean');
    if (typeof value === 'bigint') return kinds.includes('integer') || kinds.includes('number');
    if (typeof value === 'number')
      return kinds.includes('number') || (kinds.includes('integer') && Number.isInteger(value));
    return false;
  });
}

/** `path + "/name"` + `"/"` → `path + "/name/"`: folds a constant onto the literal tail of a path expression. */
function appendRaw(pathExpr: string, text: string): string {
  if (pathExpr.startsWith('"') && pathExpr.endsWith('"') && !pathExpr.slice(1, -1).includes('"'))
    return stringLiteral(JSON.parse(pathExpr) + text);
  const tail = / \+ ("(?:[^"\\]|\\.)*")$/.exec(pathExpr);
  if (tail) return `${pathExpr.slice(0, tail.index)} + ${stringLiteral(JSON.parse(tail[1]) + text)}`;
  return `${pathExpr} + ${stringLiteral(text)}`;
}

interface Helpers {
  /** The module has string enums: response validators accept values beyond them (see isOpenEnum). */
  openEnums: boolean;
  ptr: boolean;
  codePoints: boolean;
  equal: boolean;
  unique: boolean;
}

class ValidatorEmitter {
  /** Module-level constants (compiled regular expressions, enum sets), in creation order. */
  private readonly constants: string[] = [];
  private readonly constantByKey = new Map<string, string>();
  private readonly helpers: Helpers;
  private readonly functionByRef = new Map<string, string>();
  private localCounter = 0;
  private readonly notes = new Set<string>();

  constructor(
    private readonly doc: JsonObject,
    private readonly service: ServiceModel,
    private readonly runtimeImport: string,
  ) {
    this.helpers = { openEnums: hasOpenEnum(doc), ptr: false, codePoints: false, equal: false, unique: false };
    // Calls between schema validators are written as a marker (control characters cannot occur in emitted string
    // literals, which are JSON-escaped) and resolved once duplicates are merged; see emitModule().
    service.schemas.forEach((schema, index) =>
      this.functionByRef.set(schema.name, `${CALL_OPEN}${index}${CALL_CLOSE}`),
    );
  }

  private local(prefix: string): string {
    return `${prefix}${this.localCounter++}`;
  }

  private constant(key: string, make: (name: string) => string): string {
    const existing = this.constantByKey.get(key);
    if (existing) return existing;
    const name = `K${this.constants.length}`;
    this.constants.push(make(name));
    this.constantByKey.set(key, name);
    return name;
  }

  /** Distinct (keyword, message) pairs; failures refer to them by index, which keeps the module small. */
  private readonly messages: string[] = [];
  private readonly messageIndex = new Map<string, number>();

  /**
   * Boolean mode emits the fast yes/no twin of a validator: the first failure returns false, no paths, no issue
   * objects. validateX runs it first and collects issues only for values it rejects.
   */
  private boolMode = false;

  private issue(issues: string, pathExpr: string, keyword: string, message: string): string {
    if (this.boolMode) return 'return false;';
    const key = `${stringLiteral(keyword)}, ${stringLiteral(message)}`;
    let index = this.messageIndex.get(key);
    if (index === undefined) {
      index = this.messages.length;
      this.messages.push(key);
      this.messageIndex.set(key, index);
    }
    return `${issues} = fail(${issues}, ${pathExpr}, ${index});`;
  }

  /** Resolves a non-component local reference (`#/components/schemas/A/properties/b`) to its schema. */
  private resolvePointer(ref: string): JsonValue | undefined {
    let target: JsonValue | undefined = this.doc;
    for (const raw of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) {
      const key = unescapePointerSegment(raw);
      target = Array.isArray(target) ? target[Number(key)] : isObject(target) ? target[key] : undefined;
    }
    return target;
  }

  /** Lines that check `v` (a local name) against `schema`, pushing into `issues`. `depth` guards inline recursion. */
  emitNode(schema: JsonValue | undefined, v: string, pathExpr: string, issues: string, depth = 0): string[] {
    if (schema === true || schema === undefined) return [];
    if (schema === false) return [this.issue(issues, pathExpr, 'false schema', 'must not be present')];
    if (!isObject(schema)) return [];
    const lines: string[] = [];

    if (typeof schema.$ref === 'string') {
      const name = schemaRefName(schema.$ref);
      const fn = name !== undefined ? this.functionByRef.get(name) : undefined;
      if (fn && this.boolMode) lines.push(`if (!${fn.replace(CALL_OPEN, BOOL_CALL_OPEN)}(${v})) return false;`);
      // Collecting: the boolean twin first, so valid parts of an invalid value cost no path strings or calls
      // to the collector (b and c agree: c adds nothing where b says yes).
      else if (fn)
        lines.push(
          `if (!${fn.replace(CALL_OPEN, BOOL_CALL_OPEN)}(${v})) ${issues} = ${fn}(${v}, ${pathExpr}, ${issues});`,
        );
      else if (depth < 8)
        lines.push(...this.emitNode(this.resolvePointer(schema.$ref), v, pathExpr, issues, depth + 1));
    }

    for (const part of Array.isArray(schema.allOf) ? schema.allOf : [])
      lines.push(...this.emitNode(part, v, pathExpr, issues, depth));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const alternatives = schema[keyword];
      if (!Array.isArray(alternatives) || alternatives.length === 0) continue;
      const matches = this.local('m');
      lines.push(`let ${matches} = 0;`);
      for (const alternative of alternatives) {
        const sub = this.local('s');
        lines.push(
          `{ let ${sub}: ValidationIssue[] | null = null;`,
          ...this.collecting(() => this.emitNode(alternative, v, this.boolMode ? '""' : pathExpr, sub, depth)),
          `if (${sub} === null) ${matches}++; }`,
        );
      }
      lines.push(
        keyword === 'anyOf'
          ? `if (${matches} === 0) ${this.issue(issues, pathExpr, 'anyOf', 'must match a schema in anyOf')}`
          : `if (${matches} !== 1) ${this.issue(issues, pathExpr, 'oneOf', 'must match exactly one schema in oneOf')}`,
      );
    }
    if (schema.not !== undefined) {
      const sub = this.local('s');
      lines.push(
        `{ let ${sub}: ValidationIssue[] | null = null;`,
        ...this.collecting(() => this.emitNode(schema.not, v, this.boolMode ? '""' : pathExpr, sub, depth)),
        `if (${sub} === null) ${this.issue(issues, pathExpr, 'not', 'must NOT be valid')} }`,
      );
    }

    if (schema.const !== undefined) lines.push(...this.emitEnum([schema.const], v, pathExpr, issues, 'const'));
    if (Array.isArray(schema.enum)) lines.push(...this.emitEnum(schema.enum, v, pathExpr, issues, 'enum'));

    lines.push(...this.emitTyped(schema, v, pathExpr, issues, depth));
    return lines;
  }

  /** Runs `emit` in collecting mode (sub-schemas of anyOf/oneOf/not need their issue lists even in boolean mode). */
  private collecting(emit: () => string[]): string[] {
    const saved = this.boolMode;
    this.boolMode = false;
    try {
      return emit();
    } finally {
      this.boolMode = saved;
    }
  }

  private declaredKinds(schema: JsonObject): Kind[] | undefined {
    const raw = schema.type;
    let kinds: Kind[] | undefined;
    if (typeof raw === 'string') kinds = [raw as Kind];
    else if (Array.isArray(raw))
      kinds = raw.filter((t): t is Kind => typeof t === 'string' && KINDS.includes(t as Kind)) as Kind[];
    if (kinds && schema.nullable === true && !kinds.includes('null')) kinds = [...kinds, 'null']; // OpenAPI 3.0 style
    return kinds?.filter((k) => KINDS.includes(k));
  }

  /** Type check plus the keywords that only apply to one JSON type, as one if/else chain. */
  private emitTyped(schema: JsonObject, v: string, pathExpr: string, issues: string, depth: number): string[] {
    const declared = this.declaredKinds(schema);
    const byKind: Partial<Record<Kind, string[]>> = {
      string: this.stringChecks(schema, v, pathExpr, issues),
      number: this.numberChecks(schema, v, pathExpr, issues),
      array: this.arrayChecks(schema, v, pathExpr, issues, depth),
      object: this.objectChecks(schema, v, pathExpr, issues, depth),
    };
    const branches: { test: string; body: string[] }[] = [];
    const allowsNumber = declared ? declared.includes('number') : true;
    const conditions: Record<Kind, string> = {
      null: `${v} === null`,
      boolean: `typeof ${v} === 'boolean'`,
      string: `typeof ${v} === 'string'`,
      // Integers may arrive as bigint (exact int64 values); numbers must be whole.
      // Inlined rather than a shared helper: a helper's type feedback is shared by every call site and goes
      // megamorphic, while inline code keeps per-site feedback (the way Ajv's generated code does).
      integer: `((typeof ${v} === 'number' && Number.isInteger(${v})) || typeof ${v} === 'bigint')`,
      number: `(typeof ${v} === 'number' || typeof ${v} === 'bigint')`,
      array: `Array.isArray(${v})`,
      object: `(typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v}))`,
    };
    if (declared) {
      for (const kind of KINDS) {
        if (!declared.includes(kind)) continue;
        if (kind === 'integer' && allowsNumber) continue; // number already accepts integers
        const bodyKind = kind === 'integer' ? 'number' : kind;
        branches.push({ test: conditions[kind], body: byKind[bodyKind] ?? [] });
      }
      if (branches.length === 0) return [];
      const expectedKinds = [...declared].sort().join(',');
      if (branches.every((branch) => branch.body.length === 0)) {
        // Nothing but the type to check: one negated test instead of an empty if/else chain.
        // In boolean mode an enum whose values all have an allowed type already implies the type check.
        if (this.boolMode && enumImpliesKinds(schema, declared)) return [];
        return [
          `if (${negatedTest(branches.map((b) => b.test))}) ${this.issue(issues, pathExpr, 'type', `must be ${expectedKinds}`)}`,
        ];
      }
      const lines: string[] = [];
      branches.forEach((branch, index) => {
        lines.push(`${index === 0 ? 'if' : '} else if'} (${branch.test}) {`, ...branch.body);
      });
      lines.push('} else {', this.issue(issues, pathExpr, 'type', `must be ${expectedKinds}`), '}');
      return lines;
    }
    // No `type`: JSON Schema applies each keyword only to values of its type.
    const lines: string[] = [];
    for (const kind of ['string', 'number', 'array', 'object'] as const) {
      const body = byKind[kind]!;
      if (body.length) lines.push(`if (${conditions[kind]}) {`, ...body, '}');
    }
    return lines;
  }

  private emitEnum(
    values: JsonValue[],
    v: string,
    pathExpr: string,
    issues: string,
    keyword: 'enum' | 'const',
  ): string[] {
    const message = keyword === 'const' ? 'must be equal to constant' : 'must be equal to one of the allowed values';
    const primitives = values.every(
      (value) => value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value),
    );
    if (!primitives) {
      this.helpers.equal = true;
      const list = this.constant(
        `json:${JSON.stringify(values, bigintReplacer)}`,
        (name) => `const ${name}: unknown[] = ${jsonLiteral(values)};`,
      );
      return [
        `if (!${list}.some((allowed) => equal(allowed, ${v}))) ${this.issue(issues, pathExpr, keyword, message)}`,
      ];
    }
    // A string enum is exact in requests but open in responses (a service adds values after the docs were
    // written; the response types read `'A' | 'B' | (string & {})`): response validators set openEnums.
    const open =
      this.helpers.openEnums && keyword === 'enum' && isOpenEnum(values)
        ? ` && !(openEnums && typeof ${v} === 'string')`
        : '';
    const literals = values.map((value) =>
      typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? stringLiteral(value) : String(value),
    );
    if (literals.length <= 6) {
      return [
        `if (!(${literals.map((literal) => `${v} === ${literal}`).join(' || ')})${open}) ${this.issue(issues, pathExpr, keyword, message)}`,
      ];
    }
    const set = this.constant(
      `set:${literals.join(',')}`,
      (name) => `const ${name} = new Set<unknown>([${literals.join(', ')}]);`,
    );
    return [`if (!${set}.has(${v})${open}) ${this.issue(issues, pathExpr, keyword, message)}`];
  }

  private stringChecks(schema: JsonObject, v: string, pathExpr: string, issues: string): string[] {
    const lines: string[] = [];
    const min = typeof schema.minLength === 'number' ? schema.minLength : undefined;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
    if (min !== undefined || max !== undefined) this.helpers.codePoints = true;
    // Lengths count code points (JSON Schema), but UTF-16 length bounds them: count only when it can matter.
    if (max !== undefined) {
      lines.push(
        `if (${v}.length > ${max} && codePoints(${v}) > ${max}) ${this.issue(issues, pathExpr, 'maxLength', `must NOT have more than ${max} characters`)}`,
      );
    }
    if (min !== undefined && min > 0) {
      lines.push(
        `if (${v}.length < ${min} || (${v}.length < ${2 * min} && codePoints(${v}) < ${min})) ${this.issue(issues, pathExpr, 'minLength', `must NOT have fewer than ${min} characters`)}`,
      );
    }
    if (typeof schema.pattern === 'string') {
      const flags = regexFlags(schema.pattern);
      if (flags === undefined) {
        this.notes.add(
          `pattern ${JSON.stringify(schema.pattern)} is not a valid JavaScript regular expression and is not checked`,
        );
      } else {
        const re = this.constant(
          `re:${flags}:${schema.pattern}`,
          (name) => `const ${name} = new RegExp(${stringLiteral(schema.pattern as string)}, ${stringLiteral(flags)});`,
        );
        lines.push(
          `if (!${re}.test(${v})) ${this.issue(issues, pathExpr, 'pattern', `must match pattern ${JSON.stringify(schema.pattern)}`)}`,
        );
      }
    }
    return lines;
  }

  private numberChecks(schema: JsonObject, v: string, pathExpr: string, issues: string): string[] {
    const lines: string[] = [];
    const bound = (keyword: string, op: '<' | '<=' | '>' | '>=', value: JsonValue | undefined, words: string) => {
      const literal = numericLiteral(value);
      if (literal === undefined) return;
      const test = typeof value === 'bigint' ? bigintBoundTest(v, op, value) : `${v} ${op} ${literal}`;
      lines.push(
        `if (${test}) ${this.issue(issues, pathExpr, keyword, `must be ${words} ${literal.replace(/n$/, '')}`)}`,
      );
    };
    // OpenAPI 3.0 writes exclusiveMinimum: true beside minimum; 3.1 writes the bound itself.
    if (schema.exclusiveMinimum === true) bound('exclusiveMinimum', '<=', schema.minimum, '>');
    else bound('minimum', '<', schema.minimum, '>=');
    if (schema.exclusiveMaximum === true) bound('exclusiveMaximum', '>=', schema.maximum, '<');
    else bound('maximum', '>', schema.maximum, '<=');
    if (typeof schema.exclusiveMinimum !== 'boolean') bound('exclusiveMinimum', '<=', schema.exclusiveMinimum, '>');
    if (typeof schema.exclusiveMaximum !== 'boolean') bound('exclusiveMaximum', '>=', schema.exclusiveMaximum, '<');
    const multiple = numericLiteral(schema.multipleOf);
    if (multiple !== undefined && typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
      lines.push(
        `if (typeof ${v} === 'number' && ${v} % ${multiple} !== 0) ${this.issue(issues, pathExpr, 'multipleOf', `must be multiple of ${multiple}`)}`,
      );
    }
    return lines;
  }

  private arrayChecks(schema: JsonObject, v: string, pathExpr: string, issues: string, depth: number): string[] {
    const lines: string[] = [];
    if (typeof schema.minItems === 'number' && schema.minItems > 0) {
      lines.push(
        `if (${v}.length < ${schema.minItems}) ${this.issue(issues, pathExpr, 'minItems', `must NOT have fewer than ${schema.minItems} items`)}`,
      );
    }
    if (typeof schema.maxItems === 'number') {
      lines.push(
        `if (${v}.length > ${schema.maxItems}) ${this.issue(issues, pathExpr, 'maxItems', `must NOT have more than ${schema.maxItems} items`)}`,
      );
    }
    if (schema.uniqueItems === true) {
      this.helpers.unique = this.helpers.equal = true;
      lines.push(`if (!unique(${v})) ${this.issue(issues, pathExpr, 'uniqueItems', 'must NOT have duplicate items')}`);
    }
    if (schema.items !== undefined && schema.items !== true) {
      const index = this.local('i');
      const element = this.local('e');
      const body = this.emitNode(schema.items, element, `${appendRaw(pathExpr, '/')} + ${index}`, issues, depth);
      if (body.length)
        lines.push(
          `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {`,
          `const ${element}: unknown = ${v}[${index}];`,
          ...body,
          '}',
        );
    }
    return lines;
  }

  private objectChecks(schema: JsonObject, v: string, pathExpr: string, issues: string, depth: number): string[] {
    const lines: string[] = [];
    const o = this.local('o');
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
      ? schema.required.filter((r): r is string => typeof r === 'string')
      : [];
    for (const name of required) {
      // JSON Pointer of the object, as Ajv reports it; the property is named in the message.
      lines.push(
        `if (${ownProperty(o, name)} === undefined) ${this.issue(issues, pathExpr, 'required', `must have required property ${JSON.stringify(name)}`)}`,
      );
    }
    for (const name of Object.keys(properties)) {
      const p = this.local('p');
      const body = this.emitNode(properties[name], p, appendSegment(pathExpr, name), issues, depth);
      if (!body.length) continue;
      // A lone `if (x) fail(…)` folds into the presence test: half the lines for the most common property shape.
      lines.push(`const ${p} = ${ownProperty(o, name)};`, ...presenceThenChecks(p, '', body));
    }
    if (typeof schema.minProperties === 'number' || typeof schema.maxProperties === 'number') {
      const count = this.local('n');
      lines.push(`const ${count} = Object.keys(${o}).length;`);
      if (typeof schema.minProperties === 'number')
        lines.push(
          `if (${count} < ${schema.minProperties}) ${this.issue(issues, pathExpr, 'minProperties', `must NOT have fewer than ${schema.minProperties} properties`)}`,
        );
      if (typeof schema.maxProperties === 'number')
        lines.push(
          `if (${count} > ${schema.maxProperties}) ${this.issue(issues, pathExpr, 'maxProperties', `must NOT have more than ${schema.maxProperties} properties`)}`,
        );
    }
    const extra = schema.additionalProperties;
    if (extra !== undefined && extra !== true) {
      const key = this.local('k');
      const known = Object.keys(properties);
      const isKnown =
        known.length === 0
          ? 'false'
          : known.length <= 8
            ? known.map((name) => `${key} === ${stringLiteral(name)}`).join(' || ')
            : `${this.constant(`keys:${known.join('\u0000')}`, (name) => `const ${name} = new Set<string>([${known.map(stringLiteral).join(', ')}]);`)}.has(${key})`;
      this.helpers.ptr = true;
      const keyPath = `${appendRaw(pathExpr, '/')} + ptr(${key})`;
      const value = this.local('x');
      const body =
        extra === false
          ? [this.issue(issues, keyPath, 'additionalProperties', 'must NOT have additional properties')]
          : this.emitNode(extra, value, keyPath, issues, depth);
      if (body.length) {
        lines.push(`for (const ${key} in ${o}) {`);
        if (known.length) lines.push(`if (${isKnown}) continue;`);
        if (extra !== false) lines.push(`const ${value} = ${o}[${key}];`);
        lines.push(...body, '}');
      }
    }
    if (!lines.length) return [];
    return [`const ${o} = ${v} as Record<string, unknown>;`, ...lines];
  }

  /** Notes about schema parts that could not be turned into checks (shown by the CLI as warnings). */
  warnings(): string[] {
    return [...this.notes].sort();
  }

  /** The whole validators.ts source. */
  emitModule(): string {
    const out: string[] = [];
    const bodies: string[] = [];
    // Schema validators, with structurally identical schemas (scraped manuals repeat the same table under
    // several names) merged into one function: merge bodies that are equal once their callees are merged, until
    // nothing changes.
    const schemaBodies = this.service.schemas.map((schema) => {
      this.localCounter = 0;
      return this.emitNode(schema.schema, 'v', 'path', 'issues').join('\n');
    });
    const canonical = schemaBodies.map((_body, index) => index);
    // Collecting bodies call both twins of a referenced schema (`if (!bN(x)) issues = cN(…)`).
    const resolveCalls = (text: string) =>
      text
        .replace(CALL_PATTERN, (_m, index: string) => `c${canonical[Number(index)]}`)
        .replace(BOOL_CALL_PATTERN, (_m, index: string) => `b${canonical[Number(index)]}`);
    for (let changed = true; changed;) {
      changed = false;
      const firstIndexOf = new Map<string, number>();
      schemaBodies.forEach((body, index) => {
        if (canonical[index] !== index) return;
        const resolved = resolveCalls(body);
        const first = firstIndexOf.get(resolved);
        if (first === undefined) firstIndexOf.set(resolved, index);
        else {
          canonical[index] = first;
          changed = true;
        }
      });
      for (let index = 0; index < canonical.length; index++) canonical[index] = canonical[canonical[index]];
    }
    this.service.schemas.forEach((schema, index) => {
      if (canonical[index] === index) {
        this.localCounter = 0;
        this.boolMode = true;
        const boolBody = this.emitNode(schema.schema, 'v', '""', 'issues').join('\n');
        this.boolMode = false;
        // Named schemas are where validation recurses (a tree type, a cyclic value): each call counts one level, so
        // a value nested deeper than MAX_VALIDATION_DEPTH is an issue instead of a stack overflow.
        bodies.push(
          `function b${index}(v: unknown): boolean {`,
          'if (depth >= MAX_VALIDATION_DEPTH) return false;',
          'depth++;',
          'try {',
          resolveCalls(boolBody),
          'return true;',
          '} finally {',
          'depth--;',
          '}',
          '}',
          '',
          `function c${index}(v: unknown, path: string, issues: ValidationIssue[] | null): ValidationIssue[] | null {`,
          `if (depth >= MAX_VALIDATION_DEPTH) return ${this.issue('issues', 'path', 'maxDepth', `must NOT be nested deeper than ${MAX_VALIDATION_DEPTH} levels`).replace(/^issues = /, '')}`,
          'depth++;',
          'try {',
          resolveCalls(schemaBodies[index]),
          'return issues;',
          '} finally {',
          'depth--;',
          '}',
          '}',
          '',
        );
      }
      bodies.push(
        `/** Checks a value against the \`${safeInComment(schema.name)}\` schema; issue paths are JSON Pointers below \`path\`. */`,
        `export function validate${schema.validatorStem}(value: unknown, path = ''): ValidationIssue[] {`,
        `return b${canonical[index]}(value) ? [] : (c${canonical[index]}(value, path, null) ?? []);`,
        '}',
        '',
        `export function is${schema.validatorStem}(value: unknown): value is types.${schema.typeName} {`,
        `return b${canonical[index]}(value);`,
        '}',
        '',
      );
    });
    const resolveAll = (lines: string[]) => lines.map(resolveCalls);
    const requestEntries: string[] = [];
    const responseEntries: string[] = [];
    // Many operations share their parameters (project_id, instance_id) or response shapes: an operation whose
    // validator comes out identical to an earlier one reuses that function instead of repeating it.
    const firstWithBody = new Map<string, string>();
    const reuse = (name: string, lines: string[]): string => {
      const key = lines.slice(1).join('\n') + '|' + lines[0].replace(name, '');
      const existing = firstWithBody.get(key);
      if (existing) return existing;
      firstWithBody.set(key, name);
      bodies.push(...resolveAll(lines), '');
      return name;
    };
    this.service.operations.forEach((op, index) => {
      this.localCounter = 0;
      const request = reuse(`r${index}`, this.emitRequestValidator(op, `r${index}`));
      this.localCounter = 0;
      const response = reuse(`s${index}`, this.emitResponseValidator(op, `s${index}`));
      requestEntries.push(`${stringLiteral(op.methodName)}: ${request},`);
      responseEntries.push(`${stringLiteral(op.methodName)}: ${response},`);
    });

    out.push(
      '// Generated by hwdocs from the OpenAPI document. Do not edit: regenerate instead.',
      '// Straight-line validators: one function per schema, no schema interpreter at run time.',
      `import type { RequestArgs, ValidationIssue } from ${stringLiteral(this.runtimeImport)};`,
      "import type * as types from './types.js';",
      '',
      ...this.constants,
      '',
      ...this.helperSource(),
      ...bodies,
      '/** Request validators by client method name: path, query and header parameters and the body. */',
      `export const requestValidators = {`,
      ...requestEntries,
      '} satisfies Record<string, (args: RequestArgs) => ValidationIssue[]>;',
      '',
      '/** Response validators by client method name: the body documented for the returned status. */',
      `export const responseValidators = {`,
      ...responseEntries,
      '} satisfies Record<string, (status: number, body: unknown) => ValidationIssue[]>;',
      '',
    );
    return out.join('\n');
  }

  private emitRequestValidator(op: OperationModel, name: string): string[] {
    const lines = [
      `function ${name}(args: RequestArgs): ValidationIssue[] {`,
      'let issues: ValidationIssue[] | null = null;',
    ];
    for (const location of ['path', 'query', 'header'] as const) {
      const params = op.parameters.filter((p) => p.in === location);
      if (!params.length) continue;
      const group = this.local('g');
      const argKey = location === 'header' ? 'headers' : location;
      lines.push(`const ${group}: Record<string, unknown> = args.${argKey} ?? {};`);
      for (const param of params) {
        const value = this.local('a');
        const pathExpr = stringLiteral(`/${argKey}/${pointerSegment(param.name)}`);
        // project_id and auth headers are filled in by the runtime (after validation), so callers may leave them out.
        const required = param.required && !param.filledByRuntime;
        lines.push(`const ${value} = ${ownProperty(group, param.name)};`);
        const checks = this.emitNode(param.schema, value, pathExpr, 'issues');
        const missing = required
          ? `if (${value} === undefined) ${this.issue('issues', pathExpr, 'required', `must have required ${location} parameter ${JSON.stringify(param.name)}`)}`
          : '';
        lines.push(...presenceThenChecks(value, missing, checks));
      }
    }
    if (op.body) {
      const checks = this.emitNode(op.body.schema, 'body', '"/body"', 'issues');
      lines.push('const body: unknown = args.body;');
      const missing = op.body.required
        ? `if (body === undefined) ${this.issue('issues', '"/body"', 'required', 'must have a request body')}`
        : '';
      lines.push(...presenceThenChecks('body', missing, checks));
    }
    lines.push('return issues ?? [];', '}');
    return lines;
  }

  private emitResponseValidator(op: OperationModel, name: string): string[] {
    const cases: string[] = [];
    for (const response of op.responses) {
      if (!/^[1-5][0-9][0-9]$/.test(response.status) || !response.schema) continue;
      const checks = this.emitNode(response.schema, 'body', '""', 'issues');
      if (checks.length) cases.push(`case ${Number(response.status)}: {`, ...checks, 'break;', '}');
    }
    if (!cases.length)
      return [`function ${name}(_status: number, _body: unknown): ValidationIssue[] {`, 'return [];', '}'];
    const validate = ['let issues: ValidationIssue[] | null = null;', 'switch (status) {', ...cases, '}'];
    return [
      `function ${name}(status: number, body: unknown): ValidationIssue[] {`,
      ...(this.helpers.openEnums
        ? ['openEnums = true;', 'try {', ...validate, 'return issues ?? [];', '} finally {', 'openEnums = false;', '}']
        : [...validate, 'return issues ?? [];']),
      '}',
    ];
  }

  private helperSource(): string[] {
    const lines: string[] = [
      '/** [keyword, message] of every issue this module can report. */',
      `const MESSAGES: readonly (readonly [string, string])[] = [${this.messages.map((m) => `[${m}]`).join(', ')}];`,
      '',
      '/** Records one issue; the list is created on the first failure, so valid values allocate nothing. */',
      'function fail(issues: ValidationIssue[] | null, path: string, message: number): ValidationIssue[] {',
      "const [keyword, text] = MESSAGES[message] ?? ['', ''];",
      'const issue: ValidationIssue = { path, keyword, message: text };',
      'if (issues === null) return [issue];',
      'issues.push(issue);',
      'return issues;',
      '}',
      '',
    ];
    if (this.service.schemas.length) {
      lines.push(
        '/** How deep named schemas may nest in one value (cyclic and hostile values stop here, not at the stack limit). */',
        `export const MAX_VALIDATION_DEPTH = ${MAX_VALIDATION_DEPTH};`,
        'let depth = 0;',
        '',
      );
    }
    if (this.helpers.openEnums) {
      lines.push(
        '/** True while a response validator runs: string enums then accept values the docs did not list. */',
        'let openEnums = false;',
        '',
      );
    }
    if (this.helpers.ptr) {
      lines.push(
        '/** One JSON Pointer segment (RFC 6901). */',
        'function ptr(key: string): string {',
        "return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace(/~/g, '~0').replace(/\\//g, '~1');",
        '}',
        '',
      );
    }
    if (this.helpers.codePoints) {
      lines.push(
        '/** Length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */',
        'function codePoints(text: string): number {',
        'let count = text.length;',
        'for (let i = 0; i < text.length - 1; i++) {',
        'const unit = text.charCodeAt(i);',
        'if (unit >= 0xd800 && unit <= 0xdbff) { const next = text.charCodeAt(i + 1); if (next >= 0xdc00 && next <= 0xdfff) { count--; i++; } }',
        '}',
        'return count;',
        '}',
        '',
      );
    }
    if (this.helpers.equal) {
      lines.push(
        '/** Deep equality of JSON values (enum, const and uniqueItems). */',
        'function equal(a: unknown, b: unknown): boolean {',
        'if (a === b) return true;',
        "if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;",
        'if (Array.isArray(a) !== Array.isArray(b)) return false;',
        'const ka = Object.keys(a);',
        'const kb = Object.keys(b);',
        'if (ka.length !== kb.length) return false;',
        'for (const key of ka) { if (!Object.prototype.hasOwnProperty.call(b, key) || !equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false; }',
        'return true;',
        '}',
        '',
      );
    }
    if (this.helpers.unique) {
      lines.push(
        'function unique(items: unknown[]): boolean {',
        'for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (equal(items[i], items[j])) return false;',
        'return true;',
        '}',
        '',
      );
    }
    return lines;
  }
}

/**
 * Reads a property by its wire name. Names that Object.prototype also has (`constructor`, `toString`, `__proto__`)
 * would otherwise find the inherited member on objects that lack them, so those are read only when own.
 */
function ownProperty(objectVar: string, name: string): string {
  const key = stringLiteral(name);
  return name in Object.prototype
    ? `(Object.prototype.hasOwnProperty.call(${objectVar}, ${key}) ? ${objectVar}[${key}] : undefined)`
    : `${objectVar}[${key}]`;
}

/** JavaScript regular-expression flags for a schema pattern, as Ajv does (`u`), or undefined when it is invalid. */
function regexFlags(pattern: string): string | undefined {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return flags;
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/** A JSON value as a TypeScript expression (bigints as exact literals). */
function jsonLiteral(value: JsonValue): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, child]) => `${stringLiteral(k)}: ${jsonLiteral(child)}`)
      .join(', ')} }`;
  return String(value);
}

/** An enum of strings (null allowed beside them): open to new values in responses, like the response types. */
function isOpenEnum(values: JsonValue[]): boolean {
  return values.some((value) => typeof value === 'string') && values.every((v) => v === null || typeof v === 'string');
}

/**
 * True when the document has a string enum anywhere (an example holding an `enum` key only costs an unused flag;
 * missing one would leave that enum exact, never emit a check of an undeclared flag: emitEnum asks helpers).
 */
function hasOpenEnum(node: JsonValue | undefined): boolean {
  if (Array.isArray(node)) return node.some(hasOpenEnum);
  if (!isObject(node)) return false;
  if (Array.isArray(node.enum) && isOpenEnum(node.enum)) return true;
  return Object.values(node).some(hasOpenEnum);
}

/** Text placed inside a one-line comment or a backtick span of a comment. */
function safeInComment(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/[\r\n\u2028\u2029]/g, ' ')
    .replace(/`/g, "'");
}

export function emitValidators(
  doc: JsonObject,
  service: ServiceModel,
  runtimeImport = './runtime/index.js',
): { source: string; warnings: string[] } {
  const emitter = new ValidatorEmitter(doc, service, runtimeImport);
  const source = emitter.emitModule();
  return { source, warnings: emitter.warnings() };
}
