/**
 * Every unit file named in LODGE_UNIT_FILES, imported into this one process (tests/run.ts runs
 * it as a single node:test file). Unit files need no server; loading the app's modules once
 * instead of once per file takes ~60 s of CPU out of `npm test` on two cores. Each file's
 * tests still run and report on their own; a file that pollutes global state would show up
 * here as another file's failure, so keep unit tests free of it.
 */
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

const files = z.array(z.string()).parse(JSON.parse(process.env.LODGE_UNIT_FILES ?? '[]'));
for (const file of files) await import(pathToFileURL(file).href);
