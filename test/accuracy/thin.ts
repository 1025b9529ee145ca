// The scrape report's own "thin operations" figure (operation pages whose operation has no request or response
// schema while the page shows a body example; issue 8 §6), read defensively: the scraper may report it under a
// summary, per service, as a count or as a list, or not at all yet. Undefined means "not reported".

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A count as the scraper may write it: a number, a list of the operations, or `{ count | total | length }`. */
function countOf(value: unknown, service: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) {
    if (service in value) return countOf(value[service], service);
    for (const key of ['count', 'total', 'operations']) if (key in value) return countOf(value[key], service);
  }
  return undefined;
}

const THIN_KEY = /^thin/i;

/** Looks in the scrape result itself, its `summary`, and `summary.<service>`, for a key starting with `thin`. */
export function thinOperationsOf(result: unknown, service: string): number | undefined {
  if (!isObject(result)) return undefined;
  const holders: unknown[] = [result, result.summary];
  if (isObject(result.summary)) holders.push(result.summary[service]);
  for (const holder of holders) {
    if (!isObject(holder)) continue;
    for (const key of Object.keys(holder).sort()) {
      if (!THIN_KEY.test(key)) continue;
      const count = countOf(holder[key], service);
      if (count !== undefined) return count;
    }
  }
  return undefined;
}
