/** The vision cross-check API for the pipeline: read pages with a model, then cross-check against the primary reading. */
export { createVisionReader, VisionError, type VisionErrorKind, type VisionHints, type VisionReader, type VisionReaderOptions } from './vision-reader.ts';
export { readDocumentWithVision } from './read-document.ts';
export { renderPagePng } from './render-page.ts';
export { visionPagesToStatement } from './to-statement.ts';
export type { VisionPage } from './schema.ts';
export { crossCheck, type CellDecision, type CrossCheckResult, type CrossCheckedLine, type Dispute } from '../cross-check.ts';
