#!/usr/bin/env node
// The installed `hwdocs` binary: runs the TypeScript CLI through tsx's loader (a runtime dependency),
// so the package needs no build step before use.
import { register } from 'tsx/esm/api';
register();
const { runCli } = await import('../cli/main.ts');
runCli(process.argv.slice(2));
