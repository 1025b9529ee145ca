// Names and order shared by the interpreter and the OpenAPI builder: distinct names for things that clash, the
// words of a path, PascalCase, and the code-unit order that keeps output the same on every machine.

/** `name` itself when free, else the first free `name2`, `name3`, … (`_2` after a trailing digit). */
export function freeName(name: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(name)) return name;
  const join = /\d$/.test(name) ? '_' : '';
  let n = 2;
  while (isTaken(`${name}${join}${n}`)) n++;
  return `${name}${join}${n}`;
}

/** ASCII words run together, each capitalised: `auth_opt` → `AuthOpt`; no ASCII letters → ''. */
export function pascal(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The segments of a path that name things: no placeholders, no versions (`v2`, `v1.0`). */
export function literalSegments(path: string): string[] {
  return path.split('/').filter((seg) => seg && !seg.startsWith('{') && !/^v\d+(\.\d+)?$/i.test(seg));
}

/** Locale-independent order (UTF-16 code units), so sorted output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a text key, in place. */
export function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => compareText(key(a), key(b)));
}
