// Entry of every pool thread. Node 20 does not apply the parent's tsx loader to a worker's
// own entry, so this plain-JS file registers tsx in the thread, then loads the TypeScript
// dispatcher. Works the same under `tsx script.ts` and `node --import tsx script.ts`.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
