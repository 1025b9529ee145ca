#!/usr/bin/env node
// The installed `hwdocs` binary: runs the TypeScript CLI through tsx's loader (a runtime dependency),
// so the package needs no build step before use.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit once stdout has drained: exiting at once cuts piped output after 64 KiB.
process.stdout.write('', () => process.exit(code));
