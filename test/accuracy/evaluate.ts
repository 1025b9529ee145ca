// One service: definitions (truth) × scraped operations × raw pages → counts, agreements and per-operation detail.

import {
  addJudgements,
  CONSTRAINT_KINDS,
  emptyJudgements,
  sumKinds,
  type ConstraintJudgements,
  type ConstraintKind,
  type KindCounts,
} from './constraint-kinds.ts';
import { mergeRows } from './page-rows.ts';
import {
  addCounts,
  addFieldAgreements,
  agreementRate,
  compareOp,
  emptyFieldAgreements,
  indexOps,
  scores,
  ZERO_COUNTS,
  type Counts,
  type FieldAgreements,
  type OpComparison,
} from './metrics.ts';
import type { NormOp } from './model.ts';
import { linkedTablePage, pagesShowingOp, type PageText } from './pages.ts';

export interface ServiceResult {
  service: string;
  definitions: number;
  /** Definitions whose `METHOD path` appears on an operation page: the op-recall denominator. */
  definitionsWithPage: number;
  definitionsWithoutPage: string[];
  /** Definitions with a page that the spec has no operation for. */
  missingOps: string[];
  specOps: number;
  /** Spec operations with no definition (older v1.0 APIs, retired operations): not judged, only counted. */
  specOpsWithoutDefinition: string[];
  duplicateDefinitionKeys: string[];
  params: Counts;
  fields: Counts;
  fieldsIgnoringArrays: Counts;
  drift: number;
  paramDrift: number;
  agreements: FieldAgreements;
  constraints: ConstraintJudgements;
  comparisons: OpComparison[];
  /** The scrape report's own "thin operations" count, when the scraper reports one (undefined: not reported). */
  thinOperations?: number;
}

export interface ServiceInput {
  service: string;
  definitions: NormOp[];
  specOps: NormOp[];
  pages: PageText[];
}

/** The scraper's own x-source file, when it names one of the loaded pages (paths may be relative or absolute). */
function pageNamedBySpec(pages: PageText[], source: string | undefined): PageText | undefined {
  if (!source) return undefined;
  const tail = source.replace(/\\/g, '/').replace(/^(\.\.?\/)+/, '');
  return pages.find((page) => page.file === source || page.file.endsWith('/' + tail) || page.file === tail);
}

/**
 * The pages and the tables they link, followed on through the tables' own links: a row the page links to (`jobList`
 * → the `job属性列表` table of 查询Job状态.md) is stated by the page as much as its own rows are, for drift,
 * page-only and constraints. Only the linked table, as the scraper resolves `file.md#table…` (TableLibrary): the
 * rest of that page (another operation's rows, a section anchor's whole page) states nothing for this operation.
 */
export function withLinkedTables(all: PageText[], pages: PageText[]): PageText[] {
  const out = [...pages];
  const seen = new Set(pages.map((p) => p.file));
  for (let i = 0; i < out.length; i++)
    for (const link of out[i]!.linkedTables) {
      const owner = all.find((p) => baseName(p.file) === link.file);
      // A table of a page already in the set: its rows are there.
      if (!owner || seen.has(owner.file)) continue;
      const table = linkedTablePage(owner, link.anchor);
      if (!table || seen.has(table.file)) continue;
      seen.add(table.file);
      out.push(table);
    }
  return out;
}

/**
 * The API Explorer name the operation's own pages link, the spec's own page first (the name it links is the one the
 * scraper had in front of it). Never a page reached only through a linked table: that page is another operation's,
 * and its name would count this operation as "linked".
 */
export function linkedNameOf(ownPages: PageText[]): string | undefined {
  return ownPages.find((p) => p.linkedName)?.linkedName;
}

export function evaluateService(input: ServiceInput): ServiceResult {
  const definitions = indexOps(input.definitions);
  const spec = indexOps(input.specOps);
  const definitionsWithoutPage: string[] = [];
  const missingOps: string[] = [];
  const comparisons: OpComparison[] = [];
  let withPage = 0;
  for (const definition of definitions.byKey.values()) {
    const pages = pagesShowingOp(input.pages, definition.method, definition.path);
    if (pages.length === 0) {
      definitionsWithoutPage.push(`${definition.key} (${definition.name})`);
      continue;
    }
    withPage++;
    const scraped = spec.byKey.get(definition.key);
    if (!scraped) {
      missingOps.push(`${definition.key} (${definition.name}; ${pages.map((p) => baseName(p.file)).join(', ')})`);
      continue;
    }
    const named = pageNamedBySpec(input.pages, scraped.source);
    const ownPages = named ? [named, ...pages.filter((p) => p !== named)] : pages;
    const pageSet = withLinkedTables(input.pages, ownPages);
    const comparison = compareOp(
      definition,
      scraped,
      pageSet.map((p) => p.text).join('\n'),
      mergeRows(pageSet.map((p) => p.rows)),
    );
    const linkedName = linkedNameOf(ownPages);
    comparisons.push(linkedName ? { ...comparison, linkedName } : comparison);
  }
  let params = ZERO_COUNTS;
  let fields = ZERO_COUNTS;
  let fieldsIgnoringArrays = ZERO_COUNTS;
  let drift = 0;
  let paramDrift = 0;
  let agreements = emptyFieldAgreements();
  let constraints = emptyJudgements();
  for (const comparison of comparisons) {
    constraints = addJudgements(constraints, comparison.constraints);
    params = addCounts(params, comparison.params.counts);
    fields = addCounts(fields, comparison.fields.counts);
    fieldsIgnoringArrays = addCounts(fieldsIgnoringArrays, comparison.fieldsIgnoringArrays);
    drift += comparison.fields.drift.length;
    paramDrift += comparison.params.drift.length;
    agreements = addFieldAgreements(agreements, comparison.agreements);
  }
  return {
    service: input.service,
    definitions: definitions.byKey.size,
    definitionsWithPage: withPage,
    definitionsWithoutPage,
    missingOps,
    specOps: spec.byKey.size,
    specOpsWithoutDefinition: [...spec.byKey.keys()].filter((key) => !definitions.byKey.has(key)).sort(),
    duplicateDefinitionKeys: definitions.duplicates,
    params,
    fields,
    fieldsIgnoringArrays,
    drift,
    paramDrift,
    agreements,
    constraints,
    comparisons,
  };
}

export function baseName(file: string): string {
  return file.replace(/\\/g, '/').split('/').pop() ?? file;
}

/** The figures the bars and `--json` speak about (rates in 0..1). */
export interface ServiceSummary {
  opRecall: number;
  paramPrecision: number;
  paramRecall: number;
  paramF1: number;
  fieldPrecision: number;
  fieldRecall: number;
  fieldF1: number;
  typeAgreement: number;
  formatAgreement: number;
  requiredAgreement: number;
  responseRequiredAgreement: number;
  constraintAgreement: number;
  /** Per constraint kind (enum, length, range, default) and all together: precision and recall. */
  enumPrecision: number;
  enumRecall: number;
  lengthPrecision: number;
  lengthRecall: number;
  rangePrecision: number;
  rangeRecall: number;
  defaultPrecision: number;
  defaultRecall: number;
  constraintPrecision: number;
  constraintRecall: number;
  /** Matched operations whose scraped operationId equals the definition's. */
  opIdMatch: number;
  /** The same over operations whose page links an API Explorer name (NaN: none does). */
  opIdMatchLinked: number;
  /** The same over operations whose page links no name, so the scraper derives one (NaN: none). */
  opIdMatchDerived: number;
}

/** Precision and recall of constraint counts (drift already left out); an empty side scores 1. */
export function kindScores(counts: KindCounts): { precision: number; recall: number } {
  return scores({ tp: counts.tp, fp: counts.fp, fn: counts.fn });
}

function kindFigures(
  judgements: ConstraintJudgements,
): Pick<ServiceSummary, `${ConstraintKind}Precision` | `${ConstraintKind}Recall`> {
  const out = {} as Record<string, number>;
  for (const kind of CONSTRAINT_KINDS) {
    const s = kindScores(judgements.byKind[kind]);
    out[`${kind}Precision`] = s.precision;
    out[`${kind}Recall`] = s.recall;
  }
  return out as Pick<ServiceSummary, `${ConstraintKind}Precision` | `${ConstraintKind}Recall`>;
}

/** How a matched operation got its name: its page links an API Explorer name, or the scraper derives one. */
export type NameOrigin = 'linked' | 'derived';

function originOf(comparison: OpComparison): NameOrigin {
  return comparison.linkedName ? 'linked' : 'derived';
}

/** Operations whose scraped operationId differs from the definition's: `definition ≠ spec` (of one origin or all). */
export function opIdMisses(result: ServiceResult, origin?: NameOrigin): string[] {
  return result.comparisons
    .filter((c) => c.specName !== c.name && (!origin || originOf(c) === origin))
    .map(
      (c) =>
        `${c.name} ≠ ${c.specName || '-'}${c.linkedName && c.linkedName !== c.name ? ` (page links ${c.linkedName})` : ''}`,
    );
}

/** Matched operations of one origin (or all), and how many of them carry the definition's name. */
export function opIdCounts(result: ServiceResult, origin?: NameOrigin): { matched: number; named: number } {
  const matched = result.comparisons.filter((c) => !origin || originOf(c) === origin).length;
  return { matched, named: matched - opIdMisses(result, origin).length };
}

function opIdRate(result: ServiceResult, origin?: NameOrigin, empty = 1): number {
  const { matched, named } = opIdCounts(result, origin);
  return matched === 0 ? empty : named / matched;
}

export function summarise(result: ServiceResult): ServiceSummary {
  const param = scores(result.params);
  const field = scores(result.fields);
  return {
    opRecall: result.definitionsWithPage === 0 ? 1 : result.comparisons.length / result.definitionsWithPage,
    paramPrecision: param.precision,
    paramRecall: param.recall,
    paramF1: param.f1,
    fieldPrecision: field.precision,
    fieldRecall: field.recall,
    fieldF1: field.f1,
    typeAgreement: agreementRate(result.agreements.type),
    formatAgreement: agreementRate(result.agreements.format),
    requiredAgreement: agreementRate(result.agreements.required),
    responseRequiredAgreement: agreementRate(result.agreements.responseRequired),
    constraintAgreement: agreementRate(result.agreements.constraints),
    ...kindFigures(result.constraints),
    constraintPrecision: kindScores(sumKinds(result.constraints)).precision,
    constraintRecall: kindScores(sumKinds(result.constraints)).recall,
    opIdMatch: opIdRate(result),
    opIdMatchLinked: opIdRate(result, 'linked', NaN),
    opIdMatchDerived: opIdRate(result, 'derived', NaN),
  };
}

/** Operations by field F1 (ascending), ties by key, so the list is stable between runs. */
export function worstOperations(comparisons: OpComparison[], count: number): OpComparison[] {
  return [...comparisons]
    .map((comparison) => ({ comparison, f1: scores(comparison.fields.counts).f1 }))
    .filter(({ comparison }) => comparison.fields.counts.fp + comparison.fields.counts.fn > 0)
    .sort((a, b) => a.f1 - b.f1 || (a.comparison.key < b.comparison.key ? -1 : 1))
    .slice(0, count)
    .map(({ comparison }) => comparison);
}
