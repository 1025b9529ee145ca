// Identifier safety: every name that reaches generated code comes from a document (schema names such as
// `@modelarts:color`, operationIds, error codes like `APIG.2012`, Chinese words). This module is the one place that
// turns them into identifiers. It is pure and deterministic: the same inputs in the same order give the same names.
// Wire names (JSON keys, parameter names, paths) never pass through here; they are emitted as quoted strings.

/** ECMAScript reserved words and TypeScript's own keywords that cannot (or should not) name a binding or a type. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield await async any boolean constructor ' +
    'declare get module require number set string symbol type from of never unknown undefined object bigint ' +
    'keyof readonly unique infer is asserts satisfies accessor abstract namespace global arguments eval'
  )
    .split(' ')
    // Object.prototype members (`toString`, `valueOf`, `__proto__` …): as keys of `satisfies Record<…>` literals
    // they lose their contextual type, and as methods they shadow what every object has.
    .concat(Object.getOwnPropertyNames(Object.prototype)),
);

/** Global names the generated modules use themselves; a type or function named like these would shadow them. */
const GLOBAL_NAMES = new Set(
  (
    'Array Boolean Date Error Function JSON Map Math Number Object Promise Record RegExp Set String Symbol BigInt ' +
    'Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Awaited Uint8Array ArrayBuffer ' +
    'AbortSignal Headers Request Response URL fetch globalThis console process Infinity NaN'
  ).split(' '),
);

/** True when `name` is a plain ASCII identifier that is not a reserved word. */
export function isSafeIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * Splits a document name into ASCII words. Non-ASCII characters (Chinese names) become `uXXXX` words so the name
 * stays distinct and deterministic instead of collapsing to nothing; every other punctuation separates words.
 */
export function splitWords(raw: string, camelBoundaries = true): string[] {
  const words: string[] = [];
  let current = '';
  const flush = () => {
    if (current) words.push(current);
    current = '';
  };
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    if (/[A-Za-z0-9]/.test(ch)) {
      // camelCase boundary: "throttleResp" -> throttle, Resp; "HTTPServer" stays one run of capitals then splits.
      const prev = current[current.length - 1];
      if (camelBoundaries && prev && /[a-z0-9]/.test(prev) && /[A-Z]/.test(ch)) flush();
      current += ch;
    } else if (code > 0x7f) {
      flush();
      words.push('u' + code.toString(16).toUpperCase());
    } else {
      flush();
    }
  }
  flush();
  return words;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `update_throttle`, `UpdateThrottle`, `@modelarts:color` → PascalCase (`ModelartsColor`). Never empty. */
export function toPascalCase(raw: string): string {
  const words = splitWords(raw);
  let name = words.map(capitalize).join('');
  if (!name) name = 'Unnamed';
  if (/^[0-9]/.test(name)) name = '_' + name;
  return name;
}

/** `UpdateRequestThrottlingPolicyV2` → `updateRequestThrottlingPolicyV2`; reserved words get a trailing `_`. */
export function toCamelCase(raw: string): string {
  const pascal = toPascalCase(raw);
  let name = pascal.startsWith('_') ? pascal : pascal.charAt(0).toLowerCase() + pascal.slice(1);
  // Keep acronyms at the start readable: "APIGroup" -> "apiGroup" would need a dictionary; "aPIGroup" is ugly but
  // exact. We lower-case a leading run of capitals except the last one before a lowercase letter.
  const leadingCaps = /^([A-Z]+)(?=[A-Z][a-z]|[0-9]|$)/.exec(pascal);
  if (leadingCaps) name = leadingCaps[1].toLowerCase() + pascal.slice(leadingCaps[1].length);
  if (RESERVED_WORDS.has(name)) name += '_';
  return name;
}

/** Error codes and enum members: `APIG.2012` → `APIG_2012`, `ModelArts.0101` → `ModelArts_0101`. */
export function toConstantName(raw: string): string {
  let name = splitWords(raw, false).join('_');
  if (!name) name = 'UNNAMED';
  if (/^[0-9]/.test(name)) name = '_' + name;
  if (RESERVED_WORDS.has(name)) name += '_';
  return name;
}

/**
 * Hands out unique identifiers inside one scope. Names collide when they are equal after case folding, because
 * generated names also become file-adjacent exports and case-insensitive tools must not confuse them; the second
 * and later ones get `_2`, `_3`, … in the order they are requested (callers sort their inputs first).
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
    for (const name of GLOBAL_NAMES) this.taken.add(name.toLowerCase());
    for (const name of RESERVED_WORDS) this.taken.add(name.toLowerCase());
  }

  /** Returns `wanted` if free (case-insensitively), otherwise the first free `wanted_N` with N ≥ 2. */
  claim(wanted: string): string {
    return this.claimWithSuffixes(wanted, ['']);
  }

  /**
   * Claims a stem together with derived names (`foo` and `fooWithResponse`): the stem is chosen so that every
   * derived name is free, and all of them are then taken.
   */
  claimWithSuffixes(wanted: string, suffixes: readonly string[]): string {
    const free = (stem: string) => suffixes.every((suffix) => !this.taken.has((stem + suffix).toLowerCase()));
    let candidate = wanted;
    for (let n = 2; !free(candidate); n++) candidate = `${wanted}_${n}`;
    for (const suffix of suffixes) this.taken.add((candidate + suffix).toLowerCase());
    return candidate;
  }
}

/**
 * Assigns an identifier to every key of a record-like list, deterministically: keys are sorted by code unit so
 * the result does not depend on document order, then claimed in a fresh scope.
 */
export function assignNames(
  keys: readonly string[],
  style: (raw: string) => string,
  reserved: Iterable<string> = [],
  suffixes: readonly string[] = [''],
): Map<string, string> {
  const scope = new NameScope(reserved);
  const names = new Map<string, string>();
  for (const key of [...new Set(keys)].sort(compareCodeUnits))
    names.set(key, scope.claimWithSuffixes(style(key), suffixes));
  return names;
}

/** Locale-independent string order (sort() without a comparator on strings is the same, spelled out for clarity). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
