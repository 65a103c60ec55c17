/**
 * What crosses the workflow boundary. Only references and small summaries: file bytes stay
 * in storage (Temporal payloads are capped at 2 MB and every payload is kept in history).
 */
export interface WorkspaceRef {
  kind: 'slack' | 'telegram' | 'local';
  externalId: string;
  name?: string | null;
}

export interface AnalyzeStatementInput {
  workspace: WorkspaceRef;
  /** Channel identity of the uploader (Slack user id, Telegram user id, local user name). */
  userExternalId?: string | null;
  fileName: string;
  /** Where the uploaded bytes already are (the bot's download activity or the CLI put them there). */
  sourceKey: string;
  locale?: 'tr' | 'en';
}

export interface IntakeResult {
  documentId: number;
  workspaceId: number;
  sha256: string;
  storageKey: string;
  pages: number;
  sizeBytes: number;
}

export interface AnalyzeStatementResult {
  documentId: number;
  status: 'done';
  method: string;
  pages: number;
  validationStatus: 'ok' | 'warnings' | 'failed';
  exports: { format: string; storageKey: string }[];
  timings: Record<string, number>;
}
