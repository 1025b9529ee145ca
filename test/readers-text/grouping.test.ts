// Gluing bullets of one operation together on aggregation pages, and refusing foreign tables (FORMATS.md §9.1).
// flat/006.txt (held back) puts 修改流控策略's 响应示例 and URI next to a 请求Body参数 table of another API. The
// same pattern is rebuilt here from real bullets of two fixtures: flat-025's 响应示例 and PUT …/signs/{sign_id}
// URI bullets, then the seed's 请求参数 bullet (certificate_ids: a certificate API).
import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../scraper/model.ts';
import { flatReader } from '../../scraper/readers/text/flat.ts';
import { fixture } from './helpers.ts';

const bulletsOf = (name: string) =>
  fixture(name)
    .split('\n')
    .filter((l) => l.startsWith('  • '));

describe('a foreign body table next to an operation', () => {
  const [uri, signExample] = bulletsOf('flat-025.txt');
  const certificateRequest = bulletsOf('seed.txt')[1]!;
  const page = ['华为云用户手册', '', signExample, uri, certificateRequest].join('\n');
  const report: Omit<ReportEntry, 'file'>[] = [];
  const pages = flatReader.read(page, 'mixed.txt', (e) => report.push(e));

  it('has table numbering that would allow the join (表1 in URI, 表2/表3 in 请求参数)', () => {
    expect(uri).toContain('表1 路径参数');
    expect(certificateRequest).toContain('表2 请求Header参数');
  });
  it('keeps the request bullet apart: its body fields share nothing with the response example before the URI', () => {
    expect(pages.map((p) => [p.part, p.sections.map((s) => s.kind).join('+')])).toEqual([
      ['bullet 1', 'responseExample'],
      ['bullet 2', 'uri'],
      ['bullet 3', 'request'],
    ]);
    const why = report.find((e) => e.section === 'bullet 3')!.reason;
    expect(why).toMatch(/kept apart/);
    expect(why).toMatch(/certificate_ids/);
  });
});
