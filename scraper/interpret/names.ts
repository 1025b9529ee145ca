// Distinct names for things that clash: `PageInfo` → `PageInfo2`, `Response200` → `Response200_2`.

/** `name` itself when free, else the first free `name2`, `name3`, … (`_2` after a trailing digit). */
export function freeName(name: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(name)) return name;
  const join = /\d$/.test(name) ? '_' : '';
  let n = 2;
  while (isTaken(`${name}${join}${n}`)) n++;
  return `${name}${join}${n}`;
}
