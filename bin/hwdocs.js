#!/usr/bin/env node
// The `hwdocs` binary. An installed package (registry, tarball, git: all packed, so `prepack` compiled dist/ and
// no TypeScript sources ship) runs the compiled CLI in dist/. A checkout of the repository (cli/main.ts is there)
// runs its sources through tsx, a dev dependency, so a stale dist/ from an earlier `npm pack` is never used; a
// checkout without dev dependencies falls back to dist/ and otherwise says how to build.
import { existsSync } from 'node:fs';

const sources = new URL('../cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function fromSources() {
  if (!existsSync(sources)) return undefined;
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    return undefined; // no tsx (dev dependencies not installed)
  }
  return import(sources.href);
}

const cli = (await fromSources()) ?? (existsSync(compiled) ? await import(compiled.href) : undefined);
if (!cli) {
  process.stderr.write(
    "hwdocs: this checkout is not built and has no dev dependencies; run 'npm install && npm run build' in it\n",
  );
  process.exit(2);
}
cli.runCli(process.argv.slice(2));
