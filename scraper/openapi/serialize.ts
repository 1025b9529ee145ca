// OpenAPI document → YAML or JSON text. Integers beyond 2^53 are bigints in the model and are written as exact
// plain numbers in both formats. YAML strings that some reader would take for another type are quoted: the `yaml`
// library already quotes what YAML 1.2 reads as a number, boolean or null; YAML 1.1 readers (PyYAML, js-yaml's
// timestamps, SnakeYAML, Go's yaml.v2) also take `yes`/`on`/`n`, `0x1F`-style and sexagesimal numbers, `1_000`,
// `2018-08-14T07:26:49Z` dates and `<<` for something else, so those are quoted too (YAML11_PLAIN below).
import { Document, visit } from 'yaml';

const BIGINT_MARK = '\u0000bigint:';

export function toJson(document: unknown): string {
  const text = JSON.stringify(document, (_, v) => (typeof v === 'bigint' ? `${BIGINT_MARK}${v}` : v), 2);
  return text.replace(new RegExp(`"${BIGINT_MARK.replace('\u0000', '\\\\u0000')}(-?\\d+)"`, 'g'), '$1') + '\n';
}

/** Plain scalars that YAML 1.1's type repository (and YAML 1.2's core/JSON schemas) resolve to a non-string. */
const YAML11_PLAIN: RegExp[] = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, // bool
  /^(?:~|null|Null|NULL|)$/, // null
  /^[-+]?(?:0b[01_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|0o[0-7]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/, // int
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/, // float, 1.1 form (and `1.`/`.5`)
  /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, // float with exponent (`1e3`: 1.2 core)
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/, // sexagesimal float
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, // inf, nan
  /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/, // timestamp
  /^(?:<<|=)$/, // merge key, value key
];

/** True when a YAML 1.1 or 1.2 reader would read `text`, written as a plain scalar, as something else than that string. */
export function needsQuotes(text: string): boolean {
  return YAML11_PLAIN.some((re) => re.test(text));
}

export function toYaml(document: unknown): string {
  const doc = new Document(document, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, singleQuote: false });
}

/** Format chosen by the output file's extension: `.json` → JSON, anything else → YAML. */
export function serializeSpec(document: unknown, file: string): string {
  return /\.json$/i.test(file) ? toJson(document) : toYaml(document);
}
