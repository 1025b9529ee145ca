// `hwdocs scrape <inputs...> -o <out.yaml|out.json> [--service NAME] [--report report.json] [--strict]`
import { basename } from 'node:path';
import { type Command, parseCommandArgs, UsageError } from '../args.ts';
import { expandInputs, InputError } from '../../scraper/index.ts';
import { explainFile, readPages } from '../../scraper/explain.ts';
import { info, stage } from '../log.ts';
import { assertSafeOutputs, type Output } from '../outputs.ts';
import {
  findings,
  scrapeWithProgress,
  strictFailureLine,
  summarizeReport,
  writeScrapeResult,
} from '../scrape-output.ts';

const USAGE =
  'hwdocs scrape <inputs...> -o <out.yaml|out.json> [--service NAME] [--report report.json] [--strict]\n       hwdocs scrape --explain FILE [inputs...]';

const HELP = `${USAGE}

Reads API-reference pages (files, directories, globs; form detected from content: DITA HTML, doc-source
markdown, flat / per-cell / pipe manual text) and writes one OpenAPI 3.1 document.

  -o, --out FILE      output document (.yaml or .json); not a folder, not an input
  --service NAME      service name for info/servers (default: from the output file name)
  --report FILE       write the full report (JSON: file, section, table, row, reason, severity)
  --strict            exit 1 when the report has findings (rows/tables not in the spec, doc contradictions,
                      other warnings, errors; pages that are not API pages are not findings). The spec and
                      the report are still written; the last line says the run failed.
  --explain FILE      print how FILE is read: page model, each table's role and the evidence for it, each
                      row's fate; further inputs are searched for sub-tables linked across pages
  -q, --quiet         print nothing but errors    --verbose   also print the time of each stage

On a terminal a progress line shows the files read and the operations found.`;

export const scrape: Command = {
  summary: 'Scrape API-reference pages into an OpenAPI 3.1 document',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string', short: 'o' },
        service: { type: 'string' },
        report: { type: 'string' },
        strict: { type: 'boolean' },
        explain: { type: 'string' },
      },
      USAGE,
    );
    if (values.help) {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    if (values.explain !== undefined) {
      let others: string[] = [];
      try {
        others = positionals.length ? await expandInputs(positionals) : [];
        process.stdout.write(
          await explainFile(values.explain, await readPages(others.filter((f) => f !== values.explain))),
        );
      } catch (err) {
        if (err instanceof InputError || (err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new UsageError((err as Error).message);
        throw err;
      }
      return 0;
    }
    if (!positionals.length) throw new UsageError(`no input given\n\nUsage: ${USAGE}`);
    if (!values.out) throw new UsageError(`missing -o <out.yaml|out.json>\n\nUsage: ${USAGE}`);
    const outputs: Output[] = [{ label: 'spec', path: values.out, kind: 'file' }];
    if (values.report) outputs.push({ label: 'report', path: values.report, kind: 'file' });
    await assertSafeOutputs(outputs, positionals);
    const service = values.service ?? basename(values.out).replace(/(\.openapi)?\.(ya?ml|json)$/i, '');
    let result;
    try {
      result = await stage('scrape', () => scrapeWithProgress(positionals, { service }));
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(err.message);
      throw err;
    }
    await stage('write', () => writeScrapeResult(result, values.out!, values.report));
    const ops = Object.values(result.document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const schemas = Object.keys(result.document.components.schemas).length;
    info(
      `hwdocs scrape: ${result.pages.length} files → ${values.out}: ${ops} operations, ${schemas} schemas; report: ${summarizeReport(result.report)}; ` +
        `self-check: ${result.summary.thinOperations} thin operations, ${result.summary.rowsReportOnly} of ${result.summary.rows} rows only in the report`,
    );
    const count = findings(result.report);
    if (values.strict && count) {
      process.stderr.write(`${strictFailureLine('scrape', count)}\n`);
      return 1;
    }
    return 0;
  },
};
