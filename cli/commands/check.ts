// `hwdocs check [--config FILE] [--service NAME]`: rebuild every service into a temporary folder and compare with
// the committed files. Exit 1 with the differing files (and a spec diff summary) when anything drifted.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Command, parseCommandArgs } from '../args.ts';
import { diffDocuments, parseDocument, summaryLine } from '../../diff/index.ts';
import { buildOne, PROJECT_OPTIONS, projectServices, targetsOf } from '../project.ts';

const USAGE = 'hwdocs check [--config hwdocs.config.json] [--service NAME]';

/** Every file below `dir`, as paths relative to it; an absent folder has none. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
  return !!x && !!y && x.equals(y);
}

/** Files that differ between the committed folder and the fresh one: changed, missing or extra. */
async function differingFiles(committed: string, fresh: string): Promise<string[]> {
  const names = [...new Set([...(await filesBelow(committed)), ...(await filesBelow(fresh))])].sort();
  const out: string[] = [];
  for (const name of names) if (!(await sameFile(join(committed, name), join(fresh, name)))) out.push(name);
  return out;
}

async function specDiffSummary(committedSpec: string, freshSpec: string): Promise<string> {
  try {
    const before = parseDocument(await readFile(committedSpec, 'utf8'), committedSpec);
    const after = parseDocument(await readFile(freshSpec, 'utf8'), freshSpec);
    return summaryLine(diffDocuments(before, after));
  } catch (err) {
    return `(no spec diff: ${(err as Error).message})`;
  }
}

export const check: Command = {
  summary: 'Rebuild into a temporary folder and fail when committed files drifted',
  async run(argv) {
    const { values } = parseCommandArgs(argv, PROJECT_OPTIONS, USAGE);
    if (values.help) {
      process.stdout.write(`${USAGE}\n\nRebuilds each service into a temporary folder and compares the spec and the package with\nthe files in the repository. Exit 1 when anything differs (run 'hwdocs build' to refresh).\n`);
      return 0;
    }
    const { config, services } = await projectServices(values);
    const scratch = await mkdtemp(join(tmpdir(), 'hwdocs-check-'));
    let drifted = false;
    try {
      for (const service of services) {
        const committed = targetsOf(config, service);
        const fresh = targetsOf(config, service, scratch);
        await buildOne(config, service, fresh);
        const problems: string[] = [];
        if (!(await sameFile(committed.spec, fresh.spec))) {
          problems.push(`${service.spec} (${await specDiffSummary(committed.spec, fresh.spec)})`);
        }
        if (committed.output && fresh.output) {
          for (const name of await differingFiles(committed.output, fresh.output)) problems.push(`${service.output}/${name}`);
        }
        if (problems.length) {
          drifted = true;
          process.stdout.write(`${service.name}: out of date — run 'hwdocs build${values.service ? ` --service ${service.name}` : ''}':\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
        } else process.stdout.write(`${service.name}: up to date\n`);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return drifted ? 1 : 0;
  },
};
