import client from 'prom-client';

/** Prometheus metrics shared by the worker and the bot (each process exposes its own /metrics). */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const documentsTotal = new client.Counter({
  name: 'lodge_documents_total',
  help: 'Documents finished, by status and reading method',
  labelNames: ['status', 'method'] as const,
  registers: [registry],
});
export const stageSeconds = new client.Histogram({
  name: 'lodge_stage_seconds',
  help: 'Duration of pipeline stages',
  labelNames: ['stage'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
  registers: [registry],
});
export const ocrPagesTotal = new client.Counter({ name: 'lodge_ocr_pages_total', help: 'Pages read by OCR', registers: [registry] });
export const extractionConfidence = new client.Histogram({
  name: 'lodge_extraction_confidence',
  help: 'Document confidence after validation',
  buckets: [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1],
  registers: [registry],
});
export const validationFailures = new client.Counter({ name: 'lodge_validation_failures_total', help: 'Failed reconciliation checks', labelNames: ['check'] as const, registers: [registry] });
/** Questions the model was asked but the deterministic answer served (an outage, a rejected answer). */
export const llmFallbacks = new client.Counter({ name: 'lodge_llm_fallbacks_total', help: 'LLM answers replaced by the deterministic one', labelNames: ['reason'] as const, registers: [registry] });
export const questionsAnswered = new client.Counter({ name: 'lodge_questions_total', help: 'Questions answered', labelNames: ['intent'] as const, registers: [registry] });
export const ackSeconds = new client.Histogram({
  name: 'lodge_bot_ack_seconds',
  help: 'Time to acknowledge a chat platform request',
  labelNames: ['channel'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 3],
  registers: [registry],
});
