// Hostile and odd inputs found in review: each must end in the spec or in the report, never vanish.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrapeInputs, scrapeText } from '../../scraper/index.ts';
import type { ReportEntry } from '../../scraper/model.ts';
import { CAPTION_ROLES, COLUMN_ROLES, normalizeWord, SECTION_HEADINGS } from '../../scraper/vocab.ts';

const HEADER =
  '<thead><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr></thead>';
const row = (name: string, required: string, type: string, text: string) =>
  `<tr><td><p>${name}</p></td><td><p>${required}</p></td><td><p>${type}</p></td><td><p>${text}</p></td></tr>`;

function scrapeOne(text: string, file = 'page.md') {
  const report: ReportEntry[] = [];
  const { outcomes } = scrapeText(text, file, report);
  return { outcomes, report, reasons: report.map((e) => e.reason).join('\n') };
}

describe('vocabulary tables', () => {
  it('keys are written the way lookups normalise them (a key with a space would never match)', () => {
    for (const table of [SECTION_HEADINGS, CAPTION_ROLES, COLUMN_ROLES]) {
      for (const key of Object.keys(table)) expect(normalizeWord(key), key).toBe(key);
    }
  });
});

describe('markdown pages that break naive readers', () => {
  it('reads an upper-case <TABLE>', () => {
    const page = `# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n<TABLE>${HEADER.toUpperCase()}\n<TBODY>${row('name', '是', 'String', '名称')}</TBODY>\n</TABLE>\n`;
    const { outcomes } = scrapeOne(page);
    expect(outcomes[0]!.objects[0]!.fields.map((f) => f.name)).toEqual(['name']);
  });

  it('reports a code fence that never closes', () => {
    const page = '# 查询\n\n## URI\n\nGET /v1/things\n\n## 响应示例\n\n```\n{ "a": 1 }\n\n## 响应参数\n';
    expect(scrapeOne(page).reasons).toContain('code fence never closed');
  });

  it('ends an unclosed <table> at the next heading and reports it, so the next section is still read', () => {
    const page = `# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n<table>${HEADER}<tbody>${row('a', '是', 'String', 'x')}\n\n## 响应参数\n\n**表 2**  响应Body参数\n\n<table>${HEADER}<tbody>${row('id', '否', 'String', 'ID')}</tbody></table>\n`;
    const { outcomes, reasons } = scrapeOne(page);
    expect(reasons).toContain('never closed');
    const names = outcomes[0]!.objects.flatMap((o) => o.fields.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(['a', 'id']));
  });

  it('reports a duplicate row instead of overwriting the first', () => {
    const page = `# 创建\n\n## URI\n\nPOST /v1/things\n\n## 请求参数\n\n**表 1**  请求Body参数\n\n<table>${HEADER}<tbody>${row('a', '是', 'String', 'first')}${row('a', '否', 'Integer', 'second')}</tbody></table>\n`;
    const { outcomes, reasons } = scrapeOne(page);
    const fields = outcomes[0]!.objects[0]!.fields;
    expect(fields).toHaveLength(1);
    expect(fields[0]!.description).toBe('first');
    expect(reasons).toContain("'a' appears twice");
  });

  it('refuses a malformed URI with an error and keeps the tables as schemas', () => {
    const page = `# 坏\n\n## URI\n\nGET /v1/{}/things\n\n## 响应参数\n\n**表 1**  响应Body参数\n\n<table>${HEADER}<tbody>${row('id', '否', 'String', 'ID')}</tbody></table>\n`;
    const { outcomes, report } = scrapeOne(page);
    expect(outcomes[0]!.operation).toBeUndefined();
    expect(report.some((e) => e.severity === 'error' && e.reason.includes('empty {} placeholder'))).toBe(true);
    expect(outcomes[0]!.objects[0]!.fields.map((f) => f.name)).toEqual(['id']);
  });
});

describe('HTML pages that break naive readers', () => {
  it('reads a table wrapped in inline elements', () => {
    const html = `<html><body><h1 class="topictitle1">Create</h1><div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/things</p></div>
<div class="section"><h4 class="sectiontitle">Request Parameters</h4><span><font><table><caption><b>Table 1 </b>Request body parameters</caption>
<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td>name</td><td>Yes</td><td>String</td><td>Name</td></tr></tbody></table></font></span></div></body></html>`;
    const { outcomes } = scrapeOne(html, 'page.html');
    expect(outcomes[0]!.operation!.requestBody).toBeDefined();
    expect(outcomes[0]!.objects[0]!.fields.map((f) => f.name)).toEqual(['name']);
  });

  it('reads a two-row header (a rowspan column beside a colspan group)', () => {
    const html = `<html><body><h1 class="topictitle1">List</h1><div class="section"><h4 class="sectiontitle">URI</h4><p>GET /v1/things</p></div>
<div class="section"><h4 class="sectiontitle">Response Parameters</h4><table><caption><b>Table 1 </b>Response body parameters</caption>
<thead><tr><th rowspan="2">Parameter</th><th colspan="2">Details</th></tr><tr><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>count</td><td>Integer</td><td>How many</td></tr></tbody></table></div></body></html>`;
    const { outcomes } = scrapeOne(html, 'page.html');
    const field = outcomes[0]!.objects[0]!.fields[0]!;
    expect(field.name).toBe('count');
    expect(field.type).toEqual({ kind: 'primitive', type: 'integer', format: 'int32' });
  });
});

describe('inputs', () => {
  it('reads a page named three ways once, and calls an empty directory an input error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hwdocs-inputs-'));
    const file = join(dir, 'a.md');
    await writeFile(file, `# A\n\n## URI\n\nGET /v1/a\n`);
    const result = await scrapeInputs([file, `${dir}/./a.md`, dir], { service: 'x', root: dir });
    expect(result.pages).toHaveLength(1);
    const empty = await mkdtemp(join(tmpdir(), 'hwdocs-empty-'));
    await expect(scrapeInputs([empty], { service: 'x' })).rejects.toThrow(/no page/);
  });
});

describe('English hand-written pages', () => {
  it('links an Object field to a sub-table captioned "Description of the <field> field"', () => {
    const head = '<thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>';
    const html = `<html><body><h1 class="topictitle1">Creating a Server</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/cloudservers</p></div>
<div class="section"><h4 class="sectiontitle">Request</h4>
<table><caption><b>Table 2 </b>Request parameters</caption>${head}<tbody><tr><td>server</td><td>Yes</td><td>Object</td><td>Server details.</td></tr></tbody></table>
<table><caption><b>Table 3 </b>Description of the server field</caption>${head}<tbody><tr><td>name</td><td>Yes</td><td>String</td><td>Server name.</td></tr></tbody></table>
</div></body></html>`;
    const { outcomes } = scrapeOne(html, 'ecs.html');
    const body = outcomes[0]!.objects.find((o) => o.fields.some((f) => f.name === 'server'))!;
    const server = body.fields.find((f) => f.name === 'server')!;
    expect(server.type.kind).toBe('ref');
    const target = outcomes[0]!.objects.find((o) => server.type.kind === 'ref' && o.name === server.type.name)!;
    expect(target.fields.map((f) => f.name)).toEqual(['name']);
  });
});
