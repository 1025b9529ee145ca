// Do the documented request examples compile against the generated body types? All examples go into one virtual
// source file (a typed constant each) next to the generated package's types.ts, checked by one TypeScript program
// under --strict: one compiler run per package, not one per example. Nothing is written into the package.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { DocumentedExample } from './examples.ts';
import { pointerAt, type Span, toLiteral } from './literal.ts';

export interface TypeIssue {
  pointer: string;
  message: string;
}

/** Where the virtual file lives: inside the package, so `./types.js` resolves to the generated types.ts. */
const VIRTUAL_FILE = '__hwdocs_verify_examples__.ts';

interface Placed {
  /** Offsets of the whole declaration in the virtual file. */
  start: number;
  end: number;
  literalStart: number;
  spans: Span[];
}

/** `types.operations["Id"]["requestBody"]`'s content type for one media type: what the client's `body` argument is. */
function bodyType(example: DocumentedExample): string {
  return `NonNullable<types.operations[${JSON.stringify(example.operationId)}]['requestBody']>['content'][${JSON.stringify(example.mediaType)}]`;
}

/** The virtual file: one `const` per example, typed with its operation's generated body type. */
export function examplesSource(examples: DocumentedExample[]): { text: string; placed: Placed[] } {
  let text =
    '// Written by hwdocs verify: every documented request example as a constant of its generated body type.\n' +
    "import type * as types from './types.js';\n\n";
  const placed: Placed[] = [];
  examples.forEach((example, i) => {
    const literal = toLiteral(example.value);
    const head = `export const example${i}: ${bodyType(example)} = `;
    const start = text.length;
    text += `// ${example.operationId} ${example.name}\n${head}`;
    const literalStart = text.length;
    text += `${literal.text};\n`;
    placed.push({ start, end: text.length, literalStart, spans: literal.spans });
  });
  return { text, placed };
}

function compilerOptions(packageDir: string): ts.CompilerOptions {
  const configPath = join(packageDir, 'tsconfig.json');
  let options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  if (existsSync(configPath)) {
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    if (!read.error) options = ts.parseJsonConfigFileContent(read.config, ts.sys, packageDir).options;
  }
  // --strict whatever the package says; nothing is emitted.
  return {
    ...options,
    strict: true,
    noEmit: true,
    declaration: false,
    skipLibCheck: true,
    incremental: false,
    composite: false,
  };
}

/**
 * Type errors per example (same order as `examples`; an empty list means it compiles), plus diagnostics that belong
 * to no example (the generated types themselves), which the caller reports as a broken package.
 */
export function typecheckExamples(
  packageDir: string,
  examples: DocumentedExample[],
): { issues: TypeIssue[][]; other: string[] } {
  const dir = resolve(packageDir);
  const file = join(dir, VIRTUAL_FILE);
  const { text, placed } = examplesSource(examples);
  const options = compilerOptions(dir);
  const host = ts.createCompilerHost(options);
  const virtual = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const same = (name: string) => resolve(name) === file;
  host.getSourceFile = (name, language, onError, create) =>
    same(name) ? virtual : getSourceFile(name, language, onError, create);
  host.fileExists = (name) => same(name) || fileExists(name);
  host.readFile = (name) => (same(name) ? text : readFile(name));
  const program = ts.createProgram({ rootNames: [file], options, host });
  const diagnostics = [...program.getSyntacticDiagnostics(virtual), ...program.getSemanticDiagnostics(virtual)];
  const issues: TypeIssue[][] = examples.map(() => []);
  const other: string[] = [];
  for (const d of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const at = d.start ?? -1;
    const i = placed.findIndex((p) => at >= p.start && at < p.end);
    if (i < 0) other.push(message);
    else
      issues[i]!.push({
        pointer: at >= placed[i]!.literalStart ? pointerAt(placed[i]!.spans, at - placed[i]!.literalStart) : '',
        message,
      });
  }
  return { issues, other };
}
