// Renderers and thresholds, on hand-made reports.
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  exceedsThreshold,
  formatJson,
  formatMarkdown,
  formatRules,
  formatText,
  summaryLine,
} from '../../diff/format.ts';
import { RULES } from '../../diff/rules.ts';
import type { DiffReport, Hit, Level } from '../../diff/types.ts';

function reportOf(hits: Hit[], sources: Record<string, string> = {}): DiffReport {
  const count = (l: Level) => hits.filter((h) => h.level === l).length;
  return { summary: { breaking: count('breaking'), warning: count('warning'), info: count('info') }, hits, sources };
}

const hit = (
  level: Level,
  operation = 'GET /v1/x',
  id = `${level}-rule`,
  location = 'request.body.a',
  message = 'changed',
): Hit => ({ id, level, operation, location, message });

describe('summaryLine', () => {
  it('says "no changes" for an empty report and pluralises warnings', () => {
    expect(summaryLine(reportOf([]))).toBe('no changes');
    expect(summaryLine(reportOf([hit('warning')]))).toBe('0 breaking, 1 warning, 0 info');
    expect(summaryLine(reportOf([hit('breaking'), hit('warning'), hit('warning'), hit('info')]))).toBe(
      '1 breaking, 2 warnings, 1 info',
    );
  });
});

describe('exceedsThreshold', () => {
  const warningOnly = reportOf([hit('warning')]);
  it.each([
    ['none', false],
    ['breaking', false],
    ['warning', true],
    ['info', true],
  ] as const)('--fail-on %s with one warning → %s', (failOn, expected) => {
    expect(exceedsThreshold(warningOnly, failOn)).toBe(expected);
  });
});

describe('renderers', () => {
  const report = reportOf(
    [
      hit('breaking', 'GET /a', 'response-property-removed', 'response[200].body.x', "property 'x' removed"),
      hit('info', '', 'error-catalog-code-added', 'error-code APIG.1', 'error code APIG.1 added to the catalogue'),
    ],
    { 'GET /a': 'apig/a.md' },
  );

  it('text groups hits under their operation with the doc page', () => {
    expect(formatText(report)).toContain(
      "GET /a  (apig/a.md)\n  breaking  response-property-removed  response[200].body.x: property 'x' removed",
    );
    expect(formatText(report)).toContain('Document (error-code catalogue)\n  info      error-catalog-code-added');
  });

  it('markdown has a summary heading, a section per operation and the doc page', () => {
    const md = formatMarkdown(report);
    expect(md.startsWith('### API diff: 1 breaking, 0 warnings, 1 info\n')).toBe(true);
    expect(md).toContain(
      '#### `GET /a`\n\nDoc page: `apig/a.md`\n\n- 🔴 **breaking** `response-property-removed` at `response[200].body.x`',
    );
    // info hits fold into a <details> block
    expect(md).toContain(
      '#### Document (error-code catalogue)\n\n<details><summary>1 info</summary>\n\n- 🔵 info `error-catalog-code-added` at `error-code APIG.1`: error code APIG.1 added to the catalogue\n\n</details>',
    );
  });

  it('json round-trips the report', () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });

  it('escapes markdown in messages but leaves snake_case names readable', () => {
    expect(escapeMarkdown("parameter 'project_id' added")).toBe("parameter 'project_id' added");
    expect(escapeMarkdown("property '_private_' <b> *x* [1]")).toBe("property '\\_private\\_' \\<b\\> \\*x\\* \\[1\\]");
  });

  it('lists every rule once with its level', () => {
    const text = formatRules(RULES, 'text').trimEnd().split('\n');
    expect(text).toHaveLength(RULES.length);
    expect(text.find((l) => l.startsWith('request-property-removed '))).toMatch(/ warning /);
    expect(formatRules(RULES, 'markdown')).toContain('| `response-property-removed` | breaking | schema |');
    expect(JSON.parse(formatRules(RULES, 'json'))).toHaveLength(RULES.length);
  });
});
