// Plain-text rendering of the results. Pure: results in, lines out.

import type { BarOutcome } from './bars.ts';
import type { TextFormsResult } from './components.ts';
import {
  addJudgements,
  CONSTRAINT_KINDS,
  sumKinds,
  type ConstraintJudgements,
  type KindCounts,
} from './constraint-kinds.ts';
import {
  baseName,
  kindScores,
  opIdCounts,
  opIdMisses,
  summarise,
  worstOperations,
  type ServiceResult,
  type ServiceSummary,
} from './evaluate.ts';
import {
  addCounts,
  agreementRate,
  scores,
  ZERO_COUNTS,
  type Agreement,
  type Counts,
  type OpComparison,
} from './metrics.ts';

export function fixed(value: number, digits = 3): string {
  return value.toFixed(digits);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function prfLine(label: string, counts: Counts, extra = ''): string {
  const s = scores(counts);
  return `  ${label.padEnd(22)} P ${fixed(s.precision)}  R ${fixed(s.recall)}  F1 ${fixed(s.f1)}   (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})${extra}`;
}

function agreementLine(label: string, agreement: Agreement, extra = ''): string {
  const stated = agreement.pageStated?.length
    ? `   + ${agreement.pageStated.length} where the page itself states the scraped value (drift, listed below)`
    : '';
  return `  ${label.padEnd(22)} ${percent(agreementRate(agreement)).padStart(7)}   (${agreement.agree}/${agreement.total})${extra}${stated}`;
}

function kindLine(label: string, counts: KindCounts): string {
  const s = kindScores(counts);
  return `  ${label.padEnd(22)} P ${fixed(s.precision)}  R ${fixed(s.recall)}   (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})   + unstated on the page ${counts.unstated}, page-only ${counts.pageOnly}`;
}

/** At most `limit` items, then how many more: the worst-ops list must stay readable. */
export function truncatedList(items: string[], limit = 12): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')}, … (+${items.length - limit})`;
}

/** One indented detail line `label items` under a worst operation or match, only when there are items. */
function pushList(lines: string[], label: string, items: string[], limit?: number): void {
  if (items.length) lines.push(`      ${label}${truncatedList(items, limit)}`);
}

/** `OperationName: item` over every compared operation, for the service-wide lists. */
function perOperation(result: ServiceResult, items: (comparison: OpComparison) => string[]): string[] {
  return result.comparisons.flatMap((c) => items(c).map((item) => `${c.name}: ${item}`));
}

export function serviceReport(result: ServiceResult, worstCount = 10): string[] {
  const summary = summarise(result);
  const byKey = result.agreements.constraintMismatchByKey;
  const keyDetail = Object.entries(byKey)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `== ${result.service} ==`,
    `  definitions ${result.definitions}: ${result.definitionsWithPage} have an operation page, ${result.definitionsWithoutPage.length} have none (newer than the pages; not judged)`,
    `  spec operations ${result.specOps}: ${result.specOpsWithoutDefinition.length} have no definition (not judged)`,
    `  ${'op recall'.padEnd(22)} ${fixed(summary.opRecall)}   (${result.comparisons.length}/${result.definitionsWithPage})`,
    prfLine('parameters (in,name)', result.params, `   + drift ${result.paramDrift} (not named on the page)`),
    prfLine(
      'body+response fields',
      result.fields,
      `   + drift ${result.drift} (definition fields not named on the page; not counted as misses)`,
    ),
    prfLine('  ignoring [] nesting', result.fieldsIgnoringArrays, '   (informational: array-vs-object nesting aside)'),
    agreementLine('type agreement', result.agreements.type),
    agreementLine('format agreement', result.agreements.format, '   (informational)'),
    agreementLine('required agreement', result.agreements.required, '   (request fields)'),
    agreementLine(
      'response required',
      result.agreements.responseRequired,
      '   (informational: response tables have no 是否必选 column)',
    ),
    agreementLine(
      'constraint agreement',
      result.agreements.constraints,
      keyDetail ? `   mismatches: ${keyDetail}` : '',
    ),
  ];
  const driftByOp = result.comparisons
    .filter((c) => c.fields.drift.length > 0)
    .sort((a, b) => b.fields.drift.length - a.fields.drift.length || (a.key < b.key ? -1 : 1))
    .map((c) => `${c.name} ${c.fields.drift.length}`);
  for (const kind of [...CONSTRAINT_KINDS, 'all kinds'] as const) {
    const counts = kind === 'all kinds' ? sumKinds(result.constraints) : result.constraints.byKind[kind];
    lines.push(kindLine(`constraints: ${kind}`, counts));
  }
  const all = opIdCounts(result);
  lines.push(
    `  ${'operationId match'.padEnd(22)} ${percent(summary.opIdMatch).padStart(7)}   (${all.named}/${all.matched})`,
  );
  // Two figures: a page that links an API Explorer name must keep it; the others carry a derived name.
  for (const origin of ['linked', 'derived'] as const) {
    const { matched, named } = opIdCounts(result, origin);
    if (matched === 0) continue;
    const label = origin === 'linked' ? 'page links a name' : 'name derived';
    lines.push(`    ${label.padEnd(20)} ${percent(named / matched).padStart(7)}   (${named}/${matched})`);
    const misses = opIdMisses(result, origin);
    if (worstCount > 0 && misses.length > 0)
      lines.push(`      misses, definition ≠ spec (${misses.length}): ${truncatedList(misses, worstCount)}`);
  }
  lines.push(
    `  ${'thin operations'.padEnd(22)} ${result.thinOperations === undefined ? 'not reported by the scraper' : String(result.thinOperations)}`,
  );
  if (driftByOp.length > 0) lines.push(`  drift by operation: ${truncatedList(driftByOp, 10)}`);
  const pageOnly = perOperation(result, (c) => c.fields.pageOnly);
  if (pageOnly.length > 0)
    lines.push(
      `  page-only fields (on the page, named nowhere in the definition; not counted as extra) (${pageOnly.length}): ${truncatedList(pageOnly, 30)}`,
    );
  const pageOnlyParams = perOperation(result, (c) => c.params.pageOnly);
  if (pageOnlyParams.length > 0)
    lines.push(
      `  page-only parameters (on the page, named nowhere in the definition; not counted as extra) (${pageOnlyParams.length}): ${truncatedList(pageOnlyParams, 30)}`,
    );
  if (result.duplicateDefinitionKeys.length > 0) {
    lines.push(`  duplicate definition keys (first kept): ${truncatedList(result.duplicateDefinitionKeys)}`);
  }
  if (result.missingOps.length > 0) {
    lines.push(`  operations with a page but not in the spec (${result.missingOps.length}):`);
    for (const op of result.missingOps) lines.push(`    - ${op}`);
  }
  const worst = worstOperations(result.comparisons, worstCount);
  if (worst.length > 0) lines.push(`  ${worst.length} worst operations by field F1:`);
  worst.forEach((op, index) => {
    const s = scores(op.fields.counts);
    const where = [op.definitionSource, op.specSource ? baseName(op.specSource) : undefined]
      .filter(Boolean)
      .join(' ↔ ');
    lines.push(
      `  ${String(index + 1).padStart(2)}. ${op.key}  ${op.name}  (${where})  F1 ${fixed(s.f1)} P ${fixed(s.precision)} R ${fixed(s.recall)}`,
    );
    pushList(lines, 'missing: ', op.fields.missing);
    pushList(lines, 'extra:   ', op.fields.extra);
    pushList(lines, 'drift:   ', op.fields.drift, 6);
    if (op.params.missing.length || op.params.extra.length || op.params.drift.length || op.params.transport.length) {
      const drift = op.params.drift.length ? `; drift: ${op.params.drift.join(', ')}` : '';
      const transport = op.params.transport.length
        ? `; transport headers the definition omits: ${op.params.transport.join(', ')}`
        : '';
      lines.push(
        `      params missing: ${op.params.missing.join(', ') || '-'}; extra: ${op.params.extra.join(', ') || '-'}${drift}${transport}`,
      );
    }
    pushList(lines, 'types (definition ≠ spec): ', op.agreements.type.mismatches, 6);
    pushList(lines, 'required (definition ≠ spec): ', op.agreements.required.mismatches, 6);
    pushList(lines, 'constraints (definition ≠ spec): ', op.agreements.constraints.mismatches, 4);
  });
  const wrongConstraints = perOperation(result, (c) => c.constraints.wrong);
  if (worstCount > 0 && wrongConstraints.length) {
    lines.push(
      `  constraint misses and false claims, definition ≠ spec (${wrongConstraints.length}): ${truncatedList(wrongConstraints, worstCount * 3)}`,
    );
  }
  const typeMismatches = perOperation(result, (c) => c.agreements.type.mismatches);
  if (typeMismatches.length)
    lines.push(
      `  all type mismatches, definition ≠ spec (${typeMismatches.length}): ${truncatedList(typeMismatches, 20)}`,
    );
  const requiredMismatches = perOperation(result, (c) => c.agreements.required.mismatches);
  if (requiredMismatches.length) {
    lines.push(
      `  all request-field required mismatches, definition ≠ spec (${requiredMismatches.length}): ${truncatedList(requiredMismatches, 20)}`,
    );
  }
  for (const kind of ['type', 'required'] as const) {
    const stated = perOperation(result, (c) => c.agreements[kind].pageStated ?? []);
    if (stated.length)
      lines.push(
        `  ${kind} drift: the page states the scraped value, the definition differs (${stated.length}): ${truncatedList(stated, 40)}`,
      );
  }
  return lines;
}

/**
 * Overlap 0.5 also pairs a ROMA or CodeHub type with an unrelated APIG/ModelArts definition (these pages' own
 * services have no definitions here); the figure over confident matches shows the readers apart from that noise.
 */
const CONFIDENT_MATCH = 0.7;

function confidentCounts(result: TextFormsResult): Counts {
  return result.matches
    .filter((m) => m.similarity >= CONFIDENT_MATCH)
    .reduce((sum, m) => addCounts(sum, m.counts), ZERO_COUNTS);
}

export function textFormsReport(result: TextFormsResult): string[] {
  const lines = [
    `== text forms (flat, percell, pipe, seed) ==`,
    `  component schemas with ≥2 fields: ${result.components}; matched to a definition (Jaccard ≥ 0.5): ${result.matches.length}; unmatched: ${result.unmatched.length}`,
    prfLine('field names', result.counts),
    prfLine(`  matches J ≥ ${CONFIDENT_MATCH}`, confidentCounts(result)),
    agreementLine('type agreement', result.type),
    agreementLine(
      'required agreement',
      result.required,
      '   (informational: most matches are response bodies, whose tables have no 是否必选 column)',
    ),
  ];
  const worst = [...result.matches]
    .map((m) => ({ m, f1: scores(m.counts).f1 }))
    .filter(({ m }) => m.counts.fp + m.counts.fn + m.type.mismatches.length + m.required.mismatches.length > 0)
    .sort((a, b) => a.f1 - b.f1 || (a.m.component.name < b.m.component.name ? -1 : 1))
    .slice(0, 10);
  if (worst.length) lines.push('  worst matches:');
  for (const { m, f1 } of worst) {
    const from = m.component.source ? ` (${baseName(m.component.source)})` : '';
    lines.push(`    ${m.component.name}${from} ~ ${m.definition.name}  J ${fixed(m.similarity, 2)}  F1 ${fixed(f1)}`);
    pushList(lines, 'missing: ', m.missing);
    pushList(lines, 'extra:   ', m.extra);
    pushList(lines, 'types (definition ≠ spec): ', m.type.mismatches, 6);
    pushList(lines, 'required: ', m.required.mismatches, 6);
  }
  if (result.unmatched.length) lines.push(`  unmatched: ${truncatedList(result.unmatched, 20)}`);
  return lines;
}

export function barsReport(outcomes: BarOutcome[]): string[] {
  const lines = ['== bars =='];
  for (const o of outcomes) {
    const value = o.value === undefined ? 'n/a' : fixed(o.value);
    const verdict = o.pass ? 'ok' : o.gated ? 'FAIL' : 'below';
    const note = o.gated ? '' : `   (${o.why ?? 'not gated'})`;
    lines.push(
      `  ${o.scope.padEnd(10)} ${o.metric.padEnd(18)} ${value.padStart(6)} ≥ ${fixed(o.min, 2)}  ${verdict}${note}`,
    );
  }
  return lines;
}

/** The figures of one summary-table column: its heading and how one service's result reads in it. */
interface SummaryColumn {
  heading: string;
  value: (result: ServiceResult) => number;
  /** Rates are averaged in the mean row; counts (drift) are summed. */
  kind: 'rate' | 'count';
}

/** A rate column: one figure of the service's summary. */
function rateColumn(heading: string, figure: keyof ServiceSummary): SummaryColumn {
  return { heading, value: (r) => summarise(r)[figure], kind: 'rate' };
}

const SUMMARY_COLUMNS: SummaryColumn[] = [
  rateColumn('op recall', 'opRecall'),
  rateColumn('params F1', 'paramF1'),
  rateColumn('fields P', 'fieldPrecision'),
  rateColumn('fields R', 'fieldRecall'),
  rateColumn('fields F1', 'fieldF1'),
  rateColumn('type', 'typeAgreement'),
  rateColumn('required', 'requiredAgreement'),
  rateColumn('enum P', 'enumPrecision'),
  rateColumn('constr R', 'constraintRecall'),
  rateColumn('opId', 'opIdMatch'),
  rateColumn('opId link', 'opIdMatchLinked'),
  rateColumn('opId drv', 'opIdMatchDerived'),
  { heading: 'drift', value: (r) => r.drift, kind: 'count' },
  { heading: 'thin', value: (r) => r.thinOperations ?? NaN, kind: 'count' },
];

/** Constraint precision/recall per kind, one line per service, then every service's counts summed. */
export function constraintTable(results: ServiceResult[]): string[] {
  const heads = [...CONSTRAINT_KINDS, 'all'].map((k) => `${k} P/R`.padStart(13));
  const lines = [
    '== constraints per kind (P/R over common fields and parameters; unstated definition values and page-only values left out) ==',
    `  ${'service'.padEnd(10)} ${heads.join(' ')}`,
  ];
  const row = (label: string, judgements: ConstraintJudgements) =>
    `  ${label.padEnd(10)} ${[...CONSTRAINT_KINDS, 'all' as const]
      .map((k) => {
        const counts = k === 'all' ? sumKinds(judgements) : judgements.byKind[k];
        const s = kindScores(counts);
        // `-`: nothing claimed (precision) or nothing expected (recall), so the rate says nothing.
        const p = counts.tp + counts.fp === 0 ? '-' : fixed(s.precision, 2);
        const r = counts.tp + counts.fn === 0 ? '-' : fixed(s.recall, 2);
        return `${p}/${r}`.padStart(13);
      })
      .join(' ')}`;
  for (const r of results) lines.push(row(r.service, r.constraints));
  if (results.length) lines.push(row('overall', results.map((r) => r.constraints).reduce(addJudgements)));
  return lines;
}

/** One line per service plus the mean of the rates (drift summed, it is counted apart from the misses). */
export function summaryTable(results: ServiceResult[]): string[] {
  const cell = (column: SummaryColumn, value: number) =>
    (Number.isNaN(value) ? '-' : column.kind === 'rate' ? fixed(value) : String(value)).padStart(
      Math.max(column.heading.length, 6),
    );
  const header = `  ${'service'.padEnd(10)} ${'ops'.padStart(7)}  ${SUMMARY_COLUMNS.map((c) => c.heading.padStart(Math.max(c.heading.length, 6))).join('  ')}`;
  const lines = [
    '== summary (one line per service; drift = definition fields the page never names, not counted as misses) ==',
    header,
  ];
  for (const result of results) {
    const ops = `${result.comparisons.length}/${result.definitionsWithPage}`;
    lines.push(
      `  ${result.service.padEnd(10)} ${ops.padStart(7)}  ${SUMMARY_COLUMNS.map((c) => cell(c, c.value(result))).join('  ')}`,
    );
  }
  if (results.length > 0) {
    const mean = SUMMARY_COLUMNS.map((c) => {
      const values = results.map(c.value).filter((v) => !Number.isNaN(v));
      const sum = values.reduce((a, b) => a + b, 0);
      return cell(c, values.length === 0 ? NaN : c.kind === 'rate' ? sum / values.length : sum);
    });
    lines.push(`  ${'mean'.padEnd(10)} ${''.padStart(7)}  ${mean.join('  ')}`);
  }
  return lines;
}
