// Every flat, percell and pipe page of the shared corpus (../shared/corpus, present in CI): read with 0 crashes,
// 0 report entries of severity error, and every row accounted for. "Accounted for" is checked against an
// independent count taken from the raw text: each type cell written as one of the common type words
// (` String `, `\nInteger\n`, `Boolean |`) is one table row; it must be a row the reader produced or a report entry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../scraper/model.ts';
import { textReaders } from '../../scraper/readers/text/index.ts';
import { pickReader } from '../../scraper/readers/index.ts';

const root = new URL('../../../shared/corpus/', import.meta.url);
const present = existsSync(root);
const TYPE_WORDS = ['String', 'Integer', 'Long', 'Boolean', 'Number', 'Double', 'Float', 'Object', 'File'];

function files(): { dir: string; name: string; text: string }[] {
  if (!present) return [];
  return ['seed', 'flat', 'percell', 'pipe'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, root))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((name) => ({ dir, name, text: readFileSync(new URL(`${dir}/${name}`, root), 'utf8') })),
  );
}

/** Type cells written as a bare common type word, counted from the raw text by the form's cell delimiters. */
function typeCellsInText(form: string, text: string): number {
  const alternatives = TYPE_WORDS.join('|');
  if (form === 'flat') {
    // Flat text: only after a bullet's first header (prose such as `作用域:Swagger Object` comes before it), and
    // only after a name-like word (`filed. File it first.` is a sentence).
    const header = /(?:参数|名称|参数名) (?:是否必选 |是否必填 )?(?:参数类型|类型)/;
    const row = new RegExp(` [A-Za-z_$@-][\\w$@:-]*(?:\\.[\\w$@:-]+)* (?:是 |否 )?(?:${alternatives}) `, 'g');
    return text
      .split('\n')
      .map((line) => line.slice(Math.max(0, line.search(header))))
      .filter((_, i, all) => header.test(all[i]!))
      .reduce((n, tail) => n + (tail.match(row) ?? []).length, 0);
  }
  const pattern =
    form === 'percell'
      ? new RegExp(`\\n(?:${alternatives})\\n`, 'g')
      : new RegExp(`(?:^|\\|)\\s*(?:${alternatives}) \\|`, 'gm');
  return (text.match(pattern) ?? []).length;
}

describe.skipIf(!present)('shared corpus text pages', () => {
  for (const { dir, name, text } of files()) {
    const form = dir === 'seed' ? 'flat' : dir;
    it(`${dir}/${name}: detected as ${form}, read without errors, every row accounted for`, () => {
      expect(pickReader(text, name)?.form).toBe(form);
      const report: Omit<ReportEntry, 'file'>[] = [];
      const pages = textReaders.find((r) => r.form === form)!.read(text, name, (e) => report.push(e));
      expect(report.filter((e) => e.severity === 'error')).toEqual([]);
      const typedRows = pages
        .flatMap((p) => p.sections.flatMap((s) => s.tables))
        .flatMap((t) => {
          const type = t.header.findIndex((h) => /类型|類型|^Type$/i.test(h));
          return type < 0 ? [] : t.rows.map((r) => r.cells[type]?.text ?? '');
        })
        .filter((type) => TYPE_WORDS.includes(type)).length;
      const namelessRows = report.filter((e) => /row without a name cell/.test(e.reason)).length;
      expect(typedRows + namelessRows).toBe(typeCellsInText(form, text));
    });
  }
});
