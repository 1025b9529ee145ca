// `hwdocs check [--config FILE] [--service NAME]`: rebuild every service into a temporary folder and compare with
// the committed files. Exit 1 with the differing files (and a spec diff summary) when anything drifted.
// Only the files of the package's manifest are compared: a user's file or a dist/ in the output folder is not drift.
// When the fresh spec equals the committed one and the manifest says that this very generator made the package
// from this very spec (and the files still have the hashes it lists), the package is up to date without
// regenerating: that path never loads the TypeScript compiler, ts-morph or prettier.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, parseCommandArgs } from '../args.ts';
import { diffDocuments, parseDocument, summaryLine } from '../../diff/index.ts';
import { generatorFingerprint, MANIFEST_FILE, readManifest, sha256, type Manifest } from '../../generator/manifest.ts';
import { verbose } from '../log.ts';
import { generateOne, packageNameOf, PROJECT_OPTIONS, projectServices, scrapeOne, targetsOf } from '../project.ts';

const USAGE = 'hwdocs check [--config hwdocs.config.json] [--service NAME]';

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
  return !!x && !!y && x.equals(y);
}

/** The manifest, or why it cannot be used. */
async function manifestIn(dir: string): Promise<Manifest | string> {
  try {
    return (await readManifest(dir)) ?? 'missing';
  } catch (err) {
    return (err as Error).message;
  }
}

/** True when every file the manifest lists has the hash it records. */
async function filesMatch(dir: string, manifest: Manifest): Promise<boolean> {
  for (const [path, hash] of Object.entries(manifest.files)) {
    const content = await readFile(join(dir, path)).catch(() => undefined);
    if (!content || sha256(content) !== hash) return false;
  }
  return true;
}

/** Files (of either manifest) that differ between the committed package and the fresh one, and the manifest itself. */
async function differingFiles(
  committed: string,
  fresh: string,
  committedManifest: Manifest | string,
  freshManifest: Manifest,
): Promise<string[]> {
  const own = typeof committedManifest === 'string' ? [] : Object.keys(committedManifest.files);
  const names = [...new Set([...own, ...Object.keys(freshManifest.files)])].sort();
  const out: string[] = [];
  for (const name of names) if (!(await sameFile(join(committed, name), join(fresh, name)))) out.push(name);
  // The generator fingerprint is not compared: it only enables the fast path.
  if (typeof committedManifest === 'string') out.push(`${MANIFEST_FILE} (${committedManifest})`);
  else if (
    committedManifest.package !== freshManifest.package ||
    committedManifest.spec !== freshManifest.spec ||
    JSON.stringify(committedManifest.files) !== JSON.stringify(freshManifest.files)
  ) {
    out.push(MANIFEST_FILE);
  }
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
  summary: 'Fail when the committed spec or package differs from a fresh build',
  async run(argv) {
    const { values } = parseCommandArgs(argv, PROJECT_OPTIONS, USAGE);
    if (values.help) {
      process.stdout.write(
        `${USAGE}\n\nRebuilds each service into a temporary folder and compares the spec and the package files listed in its\n${MANIFEST_FILE} with the files in the repository (other files in the output folder are yours and not\ncompared). Exit 1 when anything differs (run 'hwdocs build' to refresh).\n`,
      );
      return 0;
    }
    const { config, services } = await projectServices(values);
    const scratch = await mkdtemp(join(tmpdir(), 'hwdocs-check-'));
    let drifted = false;
    try {
      for (const service of services) {
        const committed = targetsOf(config, service);
        const fresh = targetsOf(config, service, scratch);
        await scrapeOne(config, service, fresh);
        const problems: string[] = [];
        const specSame = await sameFile(committed.spec, fresh.spec);
        if (!specSame) problems.push(`${service.spec} (${await specDiffSummary(committed.spec, fresh.spec)})`);
        if (committed.output && fresh.output) {
          const committedManifest = await manifestIn(committed.output);
          const freshSpec = await readFile(fresh.spec);
          const upToDate =
            specSame &&
            typeof committedManifest !== 'string' &&
            committedManifest.spec === sha256(freshSpec) &&
            committedManifest.package === packageNameOf(service) &&
            committedManifest.generator === generatorFingerprint() &&
            (await filesMatch(committed.output, committedManifest));
          if (upToDate)
            verbose(`hwdocs check: ${service.name}: package made by this generator from this spec; not regenerated`);
          else {
            await generateOne(service, fresh);
            const freshManifest = await readManifest(fresh.output);
            if (!freshManifest) throw new Error(`the fresh package of ${service.name} has no ${MANIFEST_FILE}`);
            for (const name of await differingFiles(committed.output, fresh.output, committedManifest, freshManifest))
              problems.push(`${service.output}/${name}`);
          }
        }
        if (problems.length) {
          drifted = true;
          process.stdout.write(
            `${service.name}: out of date — run 'hwdocs build${values.service ? ` --service ${service.name}` : ''}':\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
          );
        } else process.stdout.write(`${service.name}: up to date\n`);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return drifted ? 1 : 0;
  },
};
