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
 * `vacuous`: the service's field F1 is below its bar, so type, required and constraints are judged over a fraction
 * of its fields (or none); a figure that holds today says little, and gating it would turn CI red the day the
 * fields are found, before anyone looked at how well they are typed. Gate it once the field F1 bar holds.
 */
export const NOT_YET_GATED = new Map<string, 'not yet met' | 'vacuous'>([]);

const VACUOUS_WHY =
  "not gated: judged over a fraction of the fields while this service's fieldF1 is below its bar; gate it once that holds";

export function serviceBars(services: string[]): Bar[] {
  return services.flatMap((scope) =>
    SERVICE_BARS.map(({ metric, min }) => {
      const note = NOT_YET_GATED.get(`${scope} ${metric}`);
      return { scope, metric, min, gated: note === undefined, ...(note === 'vacuous' ? { why: VACUOUS_WHY } : {}) };
    }),
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
    // An ungated bar says where it stands, so nobody has to work it out from the figures.
    const figure = `not yet met: ${value === undefined ? 'n/a' : value.toFixed(3)} < ${bar.min}`;
    const why = bar.gated
      ? bar.why
      : pass
        ? (bar.why ?? 'met, not gated yet: delete its NOT_YET_GATED line in bars.ts')
        : bar.why
          ? `${figure}; ${bar.why}`
          : figure;
    return { ...bar, value, pass, ...(why ? { why } : {}) };
  });
}

/** The run fails when a gated bar is below its minimum or could not be measured. */
export function failedGates(outcomes: BarOutcome[]): BarOutcome[] {
  return outcomes.filter((outcome) => outcome.gated && !outcome.pass);
}
