// YAML that every reader reads the same: the sample specs (scraped fresh from manual/) written as YAML are read back
// by js-yaml (timestamps on, as PyYAML), by `yaml` as YAML 1.1 and as YAML 1.2, and must equal the JSON output.
import { load as jsYamlLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { needsQuotes, toJson, toYaml } from '../../scraper/openapi/serialize.ts';
import { scrapeInputs } from '../../scraper/index.ts';
import { ROOT } from './helpers.ts';

const READERS: [string, (text: string) => unknown][] = [
  ['js-yaml', (text) => jsYamlLoad(text)],
  ['yaml 1.1', (text) => parse(text, { version: '1.1' })],
  ['yaml 1.2', (text) => parse(text)],
];

describe('strings a YAML 1.1 reader would retype are quoted', () => {
  const cases: [string, boolean][] = [
    ['2018-08-14T07:26:49Z', true],
    ['2018-04-26 17:30:48', true],
    ['2018-08-14', true],
    ['yes', true],
    ['No', true],
    ['on', true],
    ['OFF', true],
    ['y', true],
    ['~', true],
    ['null', true],
    ['', true],
    ['0x1F', true],
    ['0755', true],
    ['1e3', true],
    ['1_000', true],
    ['12:30:00', true],
    ['.5', true],
    ['-.inf', true],
    ['<<', true],
    ['42', true],
    ['hello', false],
    ['yesterday', false],
    ['v1.0', false],
    ['2018-08-14 is the date', false],
    ['0x', false],
    ['ON_DEMAND', false],
    ['1.0.0', false],
  ];
  it.each(cases)('%j → %s', (text, quoted) => {
    expect(needsQuotes(text)).toBe(quoted);
  });

  it('round-trips those strings as keys and values through every reader', () => {
    const doc = Object.fromEntries(cases.map(([text], i) => [text || `empty${i}`, { value: text, list: [text] }]));
    const yaml = toYaml(doc);
    for (const [name, read] of READERS) expect(read(yaml), name).toEqual(doc);
  });
});

describe('the sample specs read the same in YAML and JSON', () => {
  it.each(['apig', 'roma'])(
    '%s',
    async (service) => {
      const { document } = await scrapeInputs([`${ROOT}/manual/${service}`], { service, root: ROOT });
      const json = JSON.parse(toJson(document));
      const yaml = toYaml(document);
      for (const [name, read] of READERS) expect(read(yaml), name).toEqual(json);
    },
    60_000,
  );
});
