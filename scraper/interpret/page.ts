// One DocPage → its operation (when the page has a URI), the object types its tables define, its error codes.
// Names of object types are page-local here; service.ts makes them unique across the service.
//
// The work is split at its seams, each module taking the explicit PageContext (context.ts):
//   uri.ts        method and path            subtables.ts  which table describes a field's object
//   fields.ts     rows → fields, objects      operation.ts  parameters, bodies, responses, error codes
//   infer.ts      bodies from examples        tables.ts     a table's columns and role
// docs/FORMATS.md describes the page forms all of this reads.

import type { DocPage, ErrorCodeModel, ObjectModel, OperationModel } from '../model.ts';
import { dropNarrowerParameterEnums } from './constraints.ts';
import {
  createContext,
  EMPTY_LIBRARY,
  note,
  type PageContext,
  type Report,
  type RowFate,
  type TableLibrary,
  tablesWith,
} from './context.ts';
import { claimLeftovers, errorCodes, fragmentSchemas, operation } from './operation.ts';
import { findMethodPath, pathProblem } from './uri.ts';

export { type MethodPath, parseMethodPath, pathProblem } from './uri.ts';
export { pageFile, type Report, type TableLibrary, tableLibrary } from './context.ts';

export interface PageResult {
  operation?: OperationModel;
  objects: ObjectModel[];
  errorCodes: ErrorCodeModel[];
  /** What became of every table row (for `--explain`; the self-check counts those that reached only the report). */
  fates: RowFate[];
  /** Sides of the operation with no schema although the page shows a body example: `request`, `response 200`. */
  thin: string[];
}

function interpret(ctx: PageContext): PageResult {
  let mp = findMethodPath(ctx.tables, ctx.page);
  const problem = mp && pathProblem(mp.path);
  if (problem) {
    note(
      ctx,
      undefined,
      undefined,
      `${problem}: no operation made from this page (its tables become schemas)`,
      'error',
    );
    mp = undefined;
  }
  if (mp?.alsoMethods)
    note(
      ctx,
      undefined,
      undefined,
      `the request line names ${[mp.method, ...mp.alsoMethods].join('/')} for one path: the operation is made for ${mp.method} (named first); ${mp.alsoMethods.join(', ')} not in the spec`,
      'warning',
    );
  const codes = errorCodes(ctx);
  for (const t of tablesWith(ctx, 'methodUri')) {
    ctx.claimed.add(t);
    t.table.rows.forEach((_, i) => {
      if (i === 0 && mp)
        ctx.fates.push({
          table: t.label,
          section: t.section.heading,
          row: 1,
          fate: 'method and path',
          reportOnly: false,
        });
      else if (i > 0) {
        note(
          ctx,
          t,
          i + 1,
          'a page documents one operation: this further method/URI row is not in the spec',
          'warning',
        );
        ctx.fates.push({
          table: t.label,
          section: t.section.heading,
          row: i + 1,
          fate: 'report: further method/URI row',
          reportOnly: true,
        });
      }
    });
  }
  const op = mp ? operation(ctx, mp) : undefined;
  if (op)
    for (const name of dropNarrowerParameterEnums(
      op.parameters,
      ctx.objects.flatMap((o) => o.fields),
    ))
      note(
        ctx,
        undefined,
        undefined,
        `parameter '${name}' lists fewer values than a field of the same name on this page: no enum`,
        'info',
      );
  if (!mp) fragmentSchemas(ctx);
  claimLeftovers(ctx, Boolean(op));
  return { operation: op, objects: ctx.objects, errorCodes: codes, fates: ctx.fates, thin: ctx.thin };
}

/** Interprets one page; `library` holds the other input pages' tables, for sub-tables linked across pages. */
export function interpretPage(page: DocPage, report: Report, library: TableLibrary = EMPTY_LIBRARY): PageResult {
  return interpret(createContext(page, report, library));
}

/** The page's model for `hwdocs scrape --explain`: each table's role with its evidence, and each row's fate. */
export function explainPage(page: DocPage, library: TableLibrary = EMPTY_LIBRARY) {
  const entries: { section?: string; table?: string; row?: number | string; reason: string; severity: string }[] = [];
  const ctx = createContext(page, (e) => entries.push(e), library);
  const tables = ctx.tables.map((t) => ({
    label: t.label,
    section: t.section.heading,
    role: t.role,
    evidence: t.evidence,
    columns: t.columns,
  }));
  const result = interpret(ctx);
  return { tables, result, report: entries };
}
