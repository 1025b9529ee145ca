// `hwdocs build [--config FILE] [--service NAME]`: scrape + generate every service of the config.
import { type Command, parseCommandArgs, UsageError } from '../args.ts';
import { buildOne, PROJECT_OPTIONS, projectServices, targetsOf } from '../project.ts';

const USAGE = 'hwdocs build [--config hwdocs.config.json] [--service NAME]';

export const build: Command = {
  summary: 'Scrape and generate every service of hwdocs.config.json',
  async run(argv) {
    const { values } = parseCommandArgs(argv, PROJECT_OPTIONS, USAGE);
    if (values.help) {
      process.stdout.write(`${USAGE}\n\nFor each service of the config: scrape its inputs into its spec, then generate its package.\n`);
      return 0;
    }
    const { config, services } = await projectServices(values);
    let failed = false;
    for (const service of services) {
      try {
        const result = await buildOne(config, service, targetsOf(config, service));
        process.stderr.write(`hwdocs build: ${service.name} → ${service.spec}${service.output ? ` + ${service.output}/` : ''} (report: ${result.summary})\n`);
        if (service.strict && result.findings) failed = true;
      } catch (err) {
        // A usage error (bad input in the config) stops the run with exit 2; a broken service does not stop the
        // others, and the run still fails.
        if (err instanceof UsageError) throw err;
        process.stderr.write(`hwdocs build: ${service.name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
