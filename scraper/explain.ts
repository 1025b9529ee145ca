// `hwdocs scrape --explain FILE`: why the scraper read a page the way it did. Prints the page model (sections,
// tables, examples), each table's role with the evidence for it, each row's fate (where it went in the model, or
// the report entry that replaced it), the operation made and the report entries of the page.

import type { DocPage } from './model.ts';
import { explainPage, tableLibrary } from './interpret/page.ts';
import { pickReader } from './readers/index.ts';
import { readPageText } from './index.ts';

function clip(text: string, n = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** The explanation of one file as text; `others` are further input pages, searched for sub-tables linked across pages. */
export async function explainFile(file: string, others: DocPage[] = []): Promise<string> {
  const page = await readPageText(file);
  if ('reason' in page) return `${file}: ${page.reason}\n`;
  const { text } = page;
  const reader = pickReader(text, file);
  const out: string[] = [];
  if (!reader) return `${file}: form not recognised (not DITA HTML, doc-source markdown or manual text)\n`;
  const readIssues: string[] = [];
  const pages = reader.read(text, file, (e) => readIssues.push(`${e.severity} ${e.row ?? ''} ${e.reason}`));
  const library = tableLibrary([...pages, ...others]);
  out.push(`${file}: read as '${reader.form}', ${pages.length} page(s)`);
  for (const issue of readIssues) out.push(`  reader: ${issue}`);
  for (const page of pages) {
    out.push(
      '',
      `page ${page.part ? `${page.part} ` : ''}'${page.title}'${page.apiName ? ` (API ${page.apiName})` : ''}${page.titleName ? ` (title anchor ${page.titleName})` : ''}`,
    );
    for (const section of page.sections) {
      out.push(
        `  § ${section.heading || '(before any heading)'} → ${section.kind}: ${section.paragraphs.length} paragraph(s), ${section.tables.length} table(s), ${section.examples.length} example(s)`,
      );
      section.examples.forEach((ex, i) =>
        out.push(`      example ${i + 1}${ex.status ? ` (status ${ex.status})` : ''}: ${clip(ex.code, 60)}`),
      );
    }
    const { tables, result, report } = explainPage(page, library);
    out.push('', '  tables:');
    for (const t of tables) {
      out.push(`    ${t.label} [${t.section || '-'}] role ${t.role.role}${'in' in t.role ? ` (${t.role.in})` : ''}`);
      out.push(`      evidence: ${t.evidence}`);
      for (const fate of result.fates.filter((f) => f.table === t.label && f.section === t.section))
        out.push(`      row ${fate.row}: ${fate.fate}`);
    }
    const op = result.operation;
    out.push('');
    if (op) {
      out.push(`  operation ${op.operationId || '(no id yet)'}: ${op.method} ${op.path}`);
      for (const p of op.parameters) out.push(`    parameter ${p.in} ${p.name}${p.required ? ' (required)' : ''}`);
      if (op.requestBody)
        out.push(
          `    request body: ${JSON.stringify(op.requestBody.type)}${op.requestBody.inferred ? ' (inferred from the example)' : ''}`,
        );
      for (const r of op.responses)
        out.push(
          `    response ${r.status}: ${r.body ? JSON.stringify(r.body) : 'no body'}${r.inferred ? ' (inferred from the example)' : ''}${r.headers?.length ? `, headers ${r.headers.map((h) => h.name).join(', ')}` : ''}, ${r.examples.length} example(s)`,
        );
      if (result.thin.length) out.push(`    THIN: ${result.thin.join(', ')}`);
    } else out.push('  no operation (no method and path on the page)');
    for (const obj of result.objects)
      out.push(`  schema ${obj.name}${obj.inferred ? ' (inferred)' : ''}: ${obj.fields.map((f) => f.name).join(', ')}`);
    if (report.length) {
      out.push('', '  report:');
      for (const e of report)
        out.push(
          `    ${e.severity} ${[e.table, e.row !== undefined ? `row ${e.row}` : ''].filter(Boolean).join(' ')}: ${e.reason}`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}

/** Pages of further inputs, read (not interpreted) so that links into them resolve. */
export async function readPages(files: string[]): Promise<DocPage[]> {
  const pages: DocPage[] = [];
  for (const file of files) {
    const page = await readPageText(file);
    if ('reason' in page) continue;
    const reader = pickReader(page.text, file);
    if (!reader) continue;
    try {
      pages.push(...reader.read(page.text, file, () => {}));
    } catch {
      // a broken neighbour page must not stop the explanation of this one
    }
  }
  return pages;
}
