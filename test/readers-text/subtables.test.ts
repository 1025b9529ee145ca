// Uncaptioned sub-tables (pipe renderings drop the `表N Type` caption, FORMATS.md §6) and the traditional-Chinese
// mirror (FORMATS.md §9.15). Expectations written by reading the fixtures.
import { describe, expect, it } from 'vitest';
import type { DocSection } from '../../scraper/model.ts';
import { captionSubTables, nestedExampleKeys } from '../../scraper/readers/text/subtables.ts';
import { read, rowLines } from './helpers.ts';

describe('pipe-007: `Array of messages objects` and the uncaptioned table after it', () => {
  const { pages, report } = read('pipe', 'pipe-007.txt');
  const tables = pages[0]!.sections.find((s) => s.kind === 'response')!.tables;
  it('gives the second 200 table the caption `messages`, and no other table a caption', () => {
    expect(tables.map((t) => `${t.status} ${t.caption || t.servesType?.name || ''}`)).toEqual([
      '200 ',
      '200 messages',
      '400 ',
      '403 ',
    ]);
    expect(tables.every((t) => !/messages/.test(t.caption))).toBe(true);
    expect(rowLines(tables[0]!)).toEqual(['messages Array of messages objects', 'total Number', 'size Number']);
    expect(rowLines(tables[1]!).slice(0, 3)).toEqual(['topic String', 'partition Integer', 'key String']);
    expect(tables[1]!.rows).toHaveLength(11);
  });
  it('says why', () => {
    const notes = report.filter((e) => /uncaptioned sub-table/.test(e.reason));
    expect(notes.map((e) => e.reason)).toEqual([
      "uncaptioned sub-table taken as type 'messages' of 'messages' (the only type of the section without a table)",
    ]);
  });
});

/** flat-009's tables as a pipe rendering would give them: the sub-tables without `表N Type`. */
function withoutSubCaptions(): DocSection[] {
  const { pages } = read('flat', 'flat-009.txt');
  const sections = structuredClone(pages[0]!.sections);
  for (const t of sections[0]!.tables) {
    if (t.caption !== '响应Body参数') t.caption = '';
    t.number = undefined;
  }
  return sections;
}

describe('several unresolved types: only the examples can tell which table is which', () => {
  it('leaves every sub-table uncaptioned without examples, with a warning (flat-009 without its sub-table captions)', () => {
    const sections = withoutSubCaptions();
    const report: { reason: string; severity: string }[] = [];
    captionSubTables(sections, (e) => report.push(e));
    // 表6 Error and 表7 Result both follow the 400 table while `Result` (200) and `Error` (400) are open.
    expect(sections[0]!.tables.map((t) => t.caption || t.servesType?.name || '')).toEqual([
      '响应Body参数',
      '响应Body参数',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(report.filter((e) => e.severity === 'warning').map((e) => e.reason)[0]).toBe(
      'uncaptioned table after another of the same status: could be any of Result, Error; left without caption',
    );
  });
  it('names each table after the field the example nests its names under', () => {
    const sections = withoutSubCaptions();
    sections[0]!.examples.push({
      status: '200',
      code: '{ "result": { "id": 1, "iid": 2, "project_id": 3, "title": "t", "author": { "id": 7, "name": "n", "username": "u" } }, "status": "success" }',
    });
    sections[0]!.examples.push({
      status: '400',
      code: '{ "error": { "code": "CH.001", "message": "m" }, "status": "failed" }',
    });
    const report: { reason: string; severity: string }[] = [];
    captionSubTables(sections, (e) => report.push(e));
    // Error, Result, UserDto by the examples; TimeStats, DiffRefs and User stay open (three candidates, no example).
    expect(sections[0]!.tables.map((t) => t.caption || t.servesType?.name || '')).toEqual([
      '响应Body参数',
      '响应Body参数',
      'Error',
      'Result',
      'UserDto',
      '',
      '',
      '',
    ]);
    expect(report.filter((e) => e.severity === 'info').map((e) => e.reason)).toEqual([
      "uncaptioned sub-table taken as type 'Error' of 'error' (the examples nest these fields under it)",
      "uncaptioned sub-table taken as type 'Result' of 'result' (the examples nest these fields under it)",
      "uncaptioned sub-table taken as type 'UserDto' of 'author' (the examples nest these fields under it)",
    ]);
  });
  it('collects the keys the examples nest under each field, through arrays and a request line', () => {
    const keys = nestedExampleKeys([
      {
        kind: 'requestExample',
        heading: '',
        paragraphs: [],
        tables: [],
        examples: [
          { code: 'POST https://{endpoint}/v2/x\n\n{ "messages": [ { "topic": "a" }, { "key": "k" } ], "n": 1 }' },
        ],
      },
    ]);
    expect([...keys.keys()]).toEqual(['messages']);
    expect([...keys.get('messages')!]).toEqual(['topic', 'key']);
  });
});

describe('percell-019: the traditional-Chinese mirror (`參數(shù)` for 参数)', () => {
  const { pages } = read('percell', 'percell-019.txt');
  const page = pages[0]!;
  it('splits the API Explorer name glued to the title', () => {
    expect([page.title, page.apiName]).toEqual(['納管節(jié)點', 'AddNode']);
  });
  it('hands on headings, captions and header cells in the vocabulary’s spelling, cell text as written', () => {
    expect(page.sections.map((s) => `${s.kind} ${s.heading}`)).toEqual([
      'function 功能介绍',
      'debug 调用方法',
      'uri URI',
      'request 请求参数',
    ]);
    const tables = page.sections.flatMap((s) => s.tables);
    expect(tables.map((t) => t.caption)).toEqual([
      '路径参数',
      '请求Header参数',
      '请求Body参数',
      'AddNode',
      'ReinstallNodeSpec',
    ]);
    expect(tables[0]!.header).toEqual(['参数', '参数类型', '描述']);
    expect(tables[0]!.rows[0]!.cells.map((c) => c.text)).toEqual([
      'project_id',
      'String',
      '項目ID,獲取方式請參見如何獲取接口URI中參數(shù)。',
    ]);
    expect(rowLines(tables[3]!)).toEqual(['serverID String', 'spec ReinstallNodeSpec object']);
  });
});

describe('status lines in the mirror’s spelling', () => {
  it('reads `狀態碼: 200` and `返回狀態碼為201:創建成功` as status lines, keeping the rest as written', async () => {
    const { statusPrefix } = await import('../../scraper/readers/text/words.ts');
    expect(statusPrefix('狀態碼: 200')).toEqual({ status: '200', length: 8 });
    const glued = '返回狀態碼為201:創建成功';
    const st = statusPrefix(glued)!;
    expect([st.status, glued.slice(st.length)]).toEqual(['201', '創建成功']);
    expect(statusPrefix('參數(shù) 200')).toBeUndefined();
  });
});
