// The worker bundles this file (and what it imports) into Temporal's deterministic sandbox.
export { analyzeStatement } from './analyze-statement.ts';
export { periodDigest } from './period-digest.ts';
export { purgeExpiredFiles } from './purge-expired.ts';
export { settleInterruptedDocuments } from './settle-interrupted.ts';
