// Async iteration over the pages of a list operation. The generator describes each paged operation with a
// PageStrategy (which query parameters page, where the items and the next marker are in the body); this module
// only follows it. It imports nothing and calls nothing but the `fetchPage` function it is given.

import type { RequestArgs } from './types.js';

/** How one list operation pages, as its documentation describes it. */
export type PageStrategy =
  | {
      /** `marker` + `limit`: the next request carries a marker taken from this page. */
      kind: 'marker';
      /** Property of the body that holds the page's items. */
      items: string;
      markerParam: string;
      limitParam?: string;
      /** Where the body gives the next marker (`['page_info', 'next_marker']`); absent: from the last item. */
      nextMarker?: readonly string[];
      /** Property of the last item that is the next marker (OpenStack style: `id`), when there is no nextMarker. */
      itemMarker?: string;
    }
  | {
      /** `offset` + `limit` (items to skip) or `page_no` + `page_size` (`pageNumbers`: pages, counted from 1). */
      kind: 'offset';
      items: string;
      offsetParam: string;
      limitParam?: string;
      pageNumbers?: boolean;
      /** Property of the body that gives the total number of items, when documented. */
      total?: string;
    };

/** Upper bound on the pages one iteration fetches, so a server that never stops paging cannot loop forever. */
export const MAX_PAGES = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(body: unknown, path: readonly string[]): unknown {
  let current = body;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

const isMarker = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));

function asCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Yields every item of every page, fetching the next page only when the previous one is used up. Stops on an
 * empty page, a page shorter than the requested limit, a documented total reached, or a marker that does not
 * advance (a server that repeats itself ends the iteration instead of looping).
 */
export async function* paginate<Item>(
  fetchPage: (args: RequestArgs) => Promise<unknown>,
  args: RequestArgs,
  strategy: PageStrategy,
): AsyncGenerator<Item, void, undefined> {
  const query: Record<string, unknown> = { ...(args.query ?? {}) };
  const limit = strategy.limitParam !== undefined ? asCount(query[strategy.limitParam]) : undefined;
  let seen = 0;
  if (strategy.kind === 'offset' && strategy.pageNumbers && asCount(query[strategy.offsetParam]) === undefined) {
    query[strategy.offsetParam] = 1;
  }
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await fetchPage({ ...args, query: { ...query } });
    const items = isRecord(body) ? body[strategy.items] : undefined;
    const list: unknown[] = Array.isArray(items) ? items : [];
    for (const item of list) yield item as Item;
    seen += list.length;
    if (list.length === 0 || (limit !== undefined && limit > 0 && list.length < limit)) return;

    if (strategy.kind === 'marker') {
      const current = query[strategy.markerParam];
      const next = strategy.nextMarker
        ? at(body, strategy.nextMarker)
        : strategy.itemMarker !== undefined
          ? at(list[list.length - 1], [strategy.itemMarker])
          : undefined;
      if (!isMarker(next) || next === current) return;
      query[strategy.markerParam] = next;
    } else {
      const total = strategy.total !== undefined && isRecord(body) ? asCount(body[strategy.total]) : undefined;
      const start = asCount(query[strategy.offsetParam]) ?? 0;
      if (total !== undefined && (strategy.pageNumbers ? seen : start + list.length) >= total) return;
      query[strategy.offsetParam] = strategy.pageNumbers ? start + 1 : start + list.length;
    }
  }
}
