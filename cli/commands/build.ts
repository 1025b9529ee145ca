// `hwdocs build [--config FILE] [--service NAME]`: scrape + generate every service of the config.
import { type Command, parseCommandArgs, UsageError } from '../args.ts';
import { info } from '../log.ts';
import { assertSafeServices, buildOne, PROJECT_OPTIONS, projectServices, targetsOf } from '../project.ts';
import { strictFailureLine } from '../scrape-output.ts';

const USAGE = 'hwdocs build [--config hwdocs.config.json] [--service NAME]';

const HELP = `${USAGE}

For each service of the config: scrape its inputs into its spec, then generate its package. Every output is
checked first (not an input, not the project folder, no folder holding files hwdocs did not write; two
services may not share one); a bad one stops the run before anything is written (exit 2).

A service with "strict": true fails the run (exit 1) when its report has findings (rows/tables not in the spec,
doc contradictions, other warnings, errors; pages that are not API pages are not findings). Its spec and
package are still written, and the last line says that the run failed. -q prints nothing but errors,
--verbose the time of each stage; a terminal gets a progress line.`;

export const build: Command = {
  summary: 'Scrape and generate every service of hwdocs.config.json',
  async run(argv) {
    const { values } = parseCommandArgs(argv, PROJECT_OPTIONS, USAGE);
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const { config, services } = await projectServices(values);
    await assertSafeServices(config, services);
    let strictFindings = 0;
    let broken = 0;
    for (const service of services) {
      try {
        const result = await buildOne(config, service, targetsOf(config, service));
        info(
          `hwdocs build: ${service.name} → ${service.spec}${service.output ? ` + ${service.output}/` : ''} (report: ${result.summary})`,
        );
        if (service.strict) strictFindings += result.findings;
      } catch (err) {
        // A usage error (bad input in the config) stops the run with exit 2; a broken service does not stop the
        // others, and the run still fails.
        if (err instanceof UsageError) throw err;
        process.stderr.write(
          `hwdocs build: ${service.name} failed: ${err instanceof Error ? err.stack : String(err)}\n`,
        );
        broken++;
      }
    }
    if (broken) process.stderr.write(`hwdocs build: failed: ${broken} service(s) could not be built\n`);
    if (strictFindings) process.stderr.write(`${strictFailureLine('build', strictFindings)}\n`);
    return broken || strictFindings ? 1 : 0;
  },
};
