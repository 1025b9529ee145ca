// Renders a DiffReport for terminals (text), PR comments (markdown) and tools (json).
import type { Rule } from './rules.ts';
import { LEVELS, type DiffReport, type Hit, type Level } from './types.ts';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const LEVEL_NOUNS: Record<Level, [singular: string, plural: string]> = {
  breaking: ['breaking', 'breaking'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

/** `2 breaking, 1 warning, 0 info`, or `no changes`. */
export function summaryLine(report: DiffReport): string {
  if (report.hits.length === 0) return 'no changes';
  return LEVELS.map((l) => `${report.summary[l]} ${LEVEL_NOUNS[l][report.summary[l] === 1 ? 0 : 1]}`).join(', ');
}

/** Hits grouped by operation, in the hits' (already deterministic) order. */
export function groupByOperation(hits: Hit[]): [operation: string, hits: Hit[]][] {
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = groups.get(h.operation) ?? [];
    list.push(h);
    groups.set(h.operation, list);
  }
  return [...groups];
}

const DOCUMENT_TITLE = 'Document (error-code catalogue)';

export function formatText(report: DiffReport): string {
  const lines = [summaryLine(report)];
  for (const [operation, hits] of groupByOperation(report.hits)) {
    const source = report.sources[operation];
    lines.push('', `${operation || DOCUMENT_TITLE}${source ? `  (${source})` : ''}`);
    for (const h of hits)
      lines.push(`  ${h.level.padEnd(8)}  ${h.id}  ${h.location ? `${h.location}: ` : ''}${h.message}`);
  }
  return lines.join('\n') + '\n';
}

/** Backticks inside inline code would end it early; a doubled-backtick span survives one. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * Messages carry names and values from the spec. Escape what GitHub markdown would turn into emphasis, HTML or
 * links; an underscore inside a word (`project_id`) is left alone because GFM never reads it as emphasis.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*<>[\]`])/g, '\\$1').replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

const LEVEL_BADGES: Record<Level, string> = { breaking: '🔴 **breaking**', warning: '🟡 warning', info: '🔵 info' };

export function formatMarkdown(report: DiffReport): string {
  const lines = [`### API diff: ${summaryLine(report)}`];
  for (const [operation, hits] of groupByOperation(report.hits)) {
    lines.push('', `#### ${operation ? code(operation) : DOCUMENT_TITLE}`);
    const source = report.sources[operation];
    if (source) lines.push('', `Doc page: ${code(source)}`);
    // Info hits fold away: a reviewer reads breaking changes and warnings first.
    const visible = hits.filter((h) => h.level !== 'info');
    const folded = hits.filter((h) => h.level === 'info');
    if (visible.length) lines.push('', ...visible.map(markdownItem));
    if (folded.length)
      lines.push(
        '',
        `<details><summary>${folded.length} info</summary>`,
        '',
        ...folded.map(markdownItem),
        '',
        '</details>',
      );
  }
  return lines.join('\n') + '\n';
}

function markdownItem(h: Hit): string {
  return `- ${LEVEL_BADGES[h.level]} ${code(h.id)}${h.location ? ` at ${code(h.location)}` : ''}: ${escapeMarkdown(h.message)}`;
}

export function formatJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function formatReport(report: DiffReport, format: Format): string {
  return format === 'json' ? formatJson(report) : format === 'markdown' ? formatMarkdown(report) : formatText(report);
}

/** --fail-on: true when a hit at or above the threshold exists. */
export function exceedsThreshold(report: DiffReport, failOn: Level | 'none'): boolean {
  if (failOn === 'none') return false;
  const limit = LEVELS.indexOf(failOn);
  return report.hits.some((h) => LEVELS.indexOf(h.level) <= limit);
}

/** `hwdocs diff --rules`: the rule table, so a reviewer can look up what an id means and why it has its level. */
export function formatRules(rules: readonly Rule[], format: Format): string {
  const rows = rules.map((r) => ({ id: r.id, level: r.level, scope: r.scope, description: r.description }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'markdown')
    return (
      [
        '| Rule | Level | Scope | Meaning |',
        '|---|---|---|---|',
        ...rows.map((r) => `| \`${r.id}\` | ${r.level} | ${r.scope} | ${r.description.replace(/\|/g, '\\|')} |`),
      ].join('\n') + '\n'
    );
  const width = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => `${r.id.padEnd(width)}  ${r.level.padEnd(8)}  ${r.description}`).join('\n') + '\n';
}
