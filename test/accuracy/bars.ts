// The accuracy bars, as one table. `gated: false` rows are printed with their reason but never fail the run.

import type { ServiceSummary } from './evaluate.ts';

export interface Bar {
  /** Which figures: a service name, or `text-forms`. */
  scope: string;
  metric: keyof ServiceSummary | 'textFormsF1';
  min: number;
  gated: boolean;
  /** Why a bar is not gated (printed next to it). */
  why?: string;
}

const APIG_RECALL_WHY =
  'not gated: the APIG pages are from 2021 and the definitions from 2026, so fields added since then cannot be on the page (drift is counted separately)';

export const BARS: Bar[] = [
  { scope: 'apig', metric: 'opRecall', min: 0.98, gated: true },
  { scope: 'modelarts', metric: 'opRecall', min: 0.98, gated: true },
  { scope: 'apig', metric: 'fieldPrecision', min: 0.98, gated: true },
  { scope: 'modelarts', metric: 'fieldPrecision', min: 0.98, gated: true },
  { scope: 'apig', metric: 'fieldRecall', min: 0.97, gated: false, why: APIG_RECALL_WHY },
  { scope: 'modelarts', metric: 'fieldRecall', min: 0.97, gated: true },
  { scope: 'apig', metric: 'typeAgreement', min: 0.99, gated: true },
  { scope: 'modelarts', metric: 'typeAgreement', min: 0.99, gated: true },
  { scope: 'apig', metric: 'requiredAgreement', min: 0.98, gated: true },
  { scope: 'modelarts', metric: 'requiredAgreement', min: 0.98, gated: true },
  {
    scope: 'text-forms',
    metric: 'textFormsF1',
    min: 0.95,
    gated: false,
    why: 'reported only: text-form pages are excerpts of many services, matched to definitions by name overlap',
  },
];

/**
 * Issue 8's bars, on every service of the corpus's services.json (a service added there is graded and gated the
 * same way, with no edit here).
 */
export const SERVICE_BARS: { metric: keyof ServiceSummary; min: number }[] = [
  { metric: 'opRecall', min: 0.98 },
  { metric: 'paramF1', min: 0.97 },
  { metric: 'fieldF1', min: 0.95 },
  { metric: 'typeAgreement', min: 0.98 },
  { metric: 'requiredAgreement', min: 0.98 },
  { metric: 'enumPrecision', min: 0.98 },
  { metric: 'constraintRecall', min: 0.85 },
];

/**
 * Service bars the scraper does not hold yet: printed with their figure, never failing the run. One line per
 * bar: deleting a line gates that bar. Everything not listed here is gated.
 *
 * `// vacuous`: the bar holds today only because its service has (almost) no common fields yet (field F1 below its
 * bar), so type, required and constraints are judged over next to nothing; gating it would turn CI red the day
 * the fields are found, before anyone looked at how well they are typed. Gate it once its field F1 bar is met.
 */
export const NOT_YET_GATED = new Set<string>([
  'apig constraintRecall',
  'modelarts constraintRecall',
  'swr paramF1',
  'swr fieldF1',
  'swr typeAgreement', // vacuous
  'swr requiredAgreement', // vacuous
  'swr enumPrecision', // vacuous
  'swr constraintRecall', // vacuous
  'bms opRecall',
  'bms fieldF1',
  'bms typeAgreement', // vacuous
  'bms requiredAgreement', // vacuous
  'bms enumPrecision', // vacuous
  'bms constraintRecall', // vacuous
  'ges paramF1',
  'ges fieldF1',
  'ges typeAgreement', // vacuous
  'ges requiredAgreement', // vacuous
  'ges enumPrecision', // vacuous
  'ges constraintRecall', // vacuous
  'dds fieldF1',
  'dds typeAgreement', // vacuous
  'dds requiredAgreement', // vacuous
  'dds enumPrecision', // vacuous
  'dds constraintRecall',
  'css fieldF1',
  'css typeAgreement', // vacuous
  'css requiredAgreement',
  'css enumPrecision', // vacuous
  'css constraintRecall', // vacuous
  'dli paramF1',
  'dli fieldF1',
  'dli typeAgreement', // vacuous
  'dli requiredAgreement', // vacuous
  'dli enumPrecision', // vacuous
  'dli constraintRecall',
  'dws paramF1',
  'dws fieldF1',
  'dws typeAgreement', // vacuous
  'dws requiredAgreement', // vacuous
  'dws enumPrecision',
  'dws constraintRecall',
  'as constraintRecall',
  'vod paramF1',
  'vod fieldF1',
  'vod typeAgreement', // vacuous
  'vod requiredAgreement', // vacuous
  'vod enumPrecision', // vacuous
  'vod constraintRecall',
  'mrs paramF1',
  'mrs fieldF1',
  'mrs typeAgreement', // vacuous
  'mrs requiredAgreement', // vacuous
  'mrs enumPrecision',
  'mrs constraintRecall',
  'aom opRecall',
  'aom paramF1',
  'aom fieldF1',
  'aom typeAgreement', // vacuous
  'aom requiredAgreement', // vacuous
  'aom enumPrecision', // vacuous
  'aom constraintRecall',
  'cph fieldF1',
  'cph typeAgreement',
  'cph requiredAgreement', // vacuous
  'cph enumPrecision', // vacuous
  'cph constraintRecall',
]);

export function serviceBars(services: string[]): Bar[] {
  return services.flatMap((scope) =>
    SERVICE_BARS.map(({ metric, min }) => ({ scope, metric, min, gated: !NOT_YET_GATED.has(`${scope} ${metric}`) })),
  );
}

export interface BarOutcome extends Bar {
  /** Undefined when the figure could not be measured (service not scraped, no text-form readers). */
  value: number | undefined;
  pass: boolean;
}

export function checkBars(bars: Bar[], figures: Record<string, Record<string, number> | undefined>): BarOutcome[] {
  return bars.map((bar) => {
    const value = figures[bar.scope]?.[bar.metric];
    const pass = value !== undefined && value >= bar.min;
    // An ungated bar without a stated reason says where it stands, so nobody has to work it out from the figures.
    const why =
      bar.why ?? (bar.gated ? undefined : pass ? 'met, not gated yet: delete its NOT_YET_GATED line in bars.ts' : `not yet met: ${value === undefined ? 'n/a' : value.toFixed(3)} < ${bar.min}`);
    return { ...bar, value, pass, ...(why ? { why } : {}) };
  });
}

/** The run fails when a gated bar is below its minimum or could not be measured. */
export function failedGates(outcomes: BarOutcome[]): BarOutcome[] {
  return outcomes.filter((outcome) => outcome.gated && !outcome.pass);
}
