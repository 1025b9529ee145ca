// bench/generate.ts option parsing: `--rounds N` must never be taken for the spec path, however npm passes it.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bench/generate.ts';
import { fixture } from './helpers.ts';

describe('bench:generate arguments', () => {
  const spec = fixture('apig-mini.openapi.yaml');
  it('reads --rounds N and --rounds=N before or after the spec', () => {
    expect(parseArgs(['--rounds', '5'], {})).toEqual({ spec: undefined, rounds: 5 });
    expect(parseArgs([spec, '--rounds', '2'], {})).toEqual({ spec, rounds: 2 });
    expect(parseArgs(['--rounds=4', spec], {})).toEqual({ spec, rounds: 4 });
    expect(parseArgs([], {})).toEqual({ spec: undefined, rounds: 3 });
  });

  it('`npm run bench:generate --rounds 5`: npm keeps the flag as npm_config_rounds=true and passes 5 alone', () => {
    expect(parseArgs(['5'], { npm_config_rounds: 'true' })).toEqual({ spec: undefined, rounds: 5 });
    expect(parseArgs([spec], { npm_config_rounds: '2' })).toEqual({ spec, rounds: 2 });
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => parseArgs(['5'], {})).toThrow('spec not found: 5');
    expect(() => parseArgs(['--rounds', 'x'], {})).toThrow('--rounds wants a positive integer');
    expect(() => parseArgs(['--round', '2'], {})).toThrow('unknown option --round');
  });
});
