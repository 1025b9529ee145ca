// `npm run build`: compiles the CLI to dist/ with tsc (tsconfig.build.json) and copies what the compiled code reads
// at run time next to it: the templates, the client runtime's TypeScript sources (the generator copies them into
// every package) and the config schema. Run by `prepack`: `npm pack`, `npm publish` and git installs build it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install that omits dev dependencies (npm install --omit=dev of a git URL) has no compiler: nothing to do
  // when dist/ is already there (a packed tarball), a clear message otherwise.
  if (existsSync(join(dist, 'cli/main.js'))) process.exit(0);
  console.error('hwdocs build: typescript is not installed (a dev dependency); run npm install first');
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const copy = (from, to = from) => cpSync(join(root, from), join(dist, to), { recursive: true });
copy('templates');
copy('config/hwdocs.config.schema.json');
// Only the runtime's sources: no tests, no declarations, no compiled copies.
const runtime = join(root, 'generator/runtime');
mkdirSync(join(dist, 'generator/runtime'), { recursive: true });
for (const name of readdirSync(runtime)) {
  if (name.endsWith('.ts') && !/\.(test|spec|d)\.ts$/.test(name)) copy(join('generator/runtime', name));
}
