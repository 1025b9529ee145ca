// `hwdocs build [--config FILE] [--service NAME]`: scrape + generate every service of the config.
import { type Command, parseCommandArgs, UsageError } from '../args.ts';
import { ConfigError, loadConfig } from '../../config/load.ts';
import { buildOne, selectServices, targetsOf } from '../project.ts';

const USAGE = 'hwdocs build [--config hwdocs.config.json] [--service NAME]';

export const build: Command = {
  summary: 'Scrape and generate every service of hwdocs.config.json',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { config: { type: 'string', short: 'c' }, service: { type: 'string' } }, USAGE);
    if (values.help) {
      process.stdout.write(`${USAGE}\n\nFor each service of the config: scrape its inputs into its spec, then generate its package.\n`);
      return 0;
    }
    let config;
    try {
      config = await loadConfig(values.config ?? 'hwdocs.config.json');
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
    let services;
    try {
      services = selectServices(config, values.service);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    let failed = false;
    for (const service of services) {
      try {
        const result = await buildOne(config, service, targetsOf(config, service));
        process.stderr.write(`hwdocs build: ${service.name} → ${service.spec}${service.output ? ` + ${service.output}/` : ''} (report: ${result.summary})\n`);
        if (service.strict && result.findings) failed = true;
      } catch (err) {
        // One broken service does not stop the others; the run still fails.
        process.stderr.write(`hwdocs build: ${service.name} failed: ${(err as Error).message}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
