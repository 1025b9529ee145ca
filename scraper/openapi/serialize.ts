// OpenAPI document → YAML or JSON text. Integers beyond 2^53 are bigints in the model and are written as exact
// plain numbers in both formats.
import { stringify } from 'yaml';

const BIGINT_MARK = '\u0000bigint:';

export function toJson(document: unknown): string {
  const text = JSON.stringify(document, (_, v) => (typeof v === 'bigint' ? `${BIGINT_MARK}${v}` : v), 2);
  return text.replace(new RegExp(`"${BIGINT_MARK.replace('\u0000', '\\\\u0000')}(-?\\d+)"`, 'g'), '$1') + '\n';
}

export function toYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false });
}

/** Format chosen by the output file's extension: `.json` → JSON, anything else → YAML. */
export function serializeSpec(document: unknown, file: string): string {
  return /\.json$/i.test(file) ? toJson(document) : toYaml(document);
}
