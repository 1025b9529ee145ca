// The documented examples of an OpenAPI document, as `hwdocs scrape` writes them (ARCHITECTURE.md, "Spec
// conventions"): request examples under `requestBody.content[<media type>].examples`, response examples under
// `responses[<status>].content[<media type>].examples`, keyed `example1`, `example2`, … in page order.
import { UNPARSED_EXAMPLE_NOTE } from '../scraper/openapi/build.ts';

export interface DocumentedExample {
  operationId: string;
  /** `request`, or the response status (`200`, `201`, …). */
  kind: 'request' | 'response';
  status?: string;
  mediaType: string;
  /** Key in the `examples` map (`example1`). */
  name: string;
  /** 1-based position, the `example N` of the scrape report. */
  index: number;
  value: unknown;
  /** Where the operation says it came from (`x-source.file`). */
  file?: string;
}

export interface CollectedExamples {
  requests: DocumentedExample[];
  responses: DocumentedExample[];
  /** Examples that are not JSON (the page's text did not parse, or the media type is not JSON): not verified. */
  notJson: DocumentedExample[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `application/json`, `application/merge-patch+json`, `application/json;charset=UTF-8`. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^[^;]*[/+]json\s*(;|$)/i.test(mediaType);
}

/** The media types of a `content` map in code-unit order (JSON ones are verified, the others listed as not JSON). */
function jsonMedia(content: unknown): [string, Obj][] {
  if (!isObject(content)) return [];
  return Object.keys(content)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((mt) => isObject(content[mt]))
    .map((mt) => [mt, content[mt] as Obj]);
}

function examplesOf(media: Obj): [string, Obj][] {
  const examples = media.examples;
  if (!isObject(examples)) return [];
  return Object.entries(examples)
    .filter((entry): entry is [string, Obj] => isObject(entry[1]) && 'value' in entry[1])
    .sort(([a], [b]) => exampleIndex(a) - exampleIndex(b) || (a < b ? -1 : 1));
}

function exampleIndex(name: string): number {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}

export function collectExamples(doc: unknown): CollectedExamples {
  const out: CollectedExamples = { requests: [], responses: [], notJson: [] };
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path];
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const operationId = op.operationId;
      const file =
        isObject(op['x-source']) && typeof op['x-source'].file === 'string' ? op['x-source'].file : undefined;
      const take = (into: DocumentedExample[], kind: DocumentedExample['kind'], content: unknown, status?: string) => {
        for (const [mediaType, media] of jsonMedia(content)) {
          for (const [name, example] of examplesOf(media)) {
            const entry: DocumentedExample = {
              operationId,
              kind,
              ...(status ? { status } : {}),
              mediaType,
              name,
              index: exampleIndex(name),
              value: example.value,
              ...(file ? { file } : {}),
            };
            const unparsed = example.description === UNPARSED_EXAMPLE_NOTE;
            (unparsed || !isJsonMediaType(mediaType) ? out.notJson : into).push(entry);
          }
        }
      };
      if (isObject(op.requestBody)) take(out.requests, 'request', op.requestBody.content);
      const responses = isObject(op.responses) ? op.responses : {};
      for (const status of Object.keys(responses).sort()) {
        const response = responses[status];
        if (/^2\d\d$/.test(status) && isObject(response)) take(out.responses, 'response', response.content, status);
      }
    }
  }
  return out;
}
