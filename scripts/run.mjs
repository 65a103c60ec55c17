/**
 * Runs a command from the compiled tree: `node scripts/run.mjs analyze <args>` builds `.build/`
 * if a source changed (scripts/build.mjs) and runs `.build/scripts/analyze.js` in this same
 * process, with the command's own arguments. `npm run <command>` goes through here.
 *
 *   node scripts/run.mjs <script under scripts/, or a path like tests/run> [args...]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, build } from './build.mjs';

const name = process.argv[2];
if (!name) {
  console.error('Usage: node scripts/run.mjs <command> [args...]');
  process.exit(2);
}
await build();
// The command sees its arguments where it would under `node .build/scripts/<name>.js`.
process.argv.splice(2, 1);
const entry = name.includes('/') ? name.replace(/\.ts$/, '') : `scripts/${name}`;
await import(pathToFileURL(path.join(BUILD_DIR, `${entry}.js`)).href);
