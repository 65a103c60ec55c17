import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for kysely, one interface for the whole domain. Ids are `integer` identities
 * (pg returns bigint as a string; integers keep ids plain numbers). JSON columns hold the
 * shapes of the analysis contract, validated by zod where they enter.
 */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;

export type WorkspaceKind = 'slack' | 'telegram' | 'local';
export type DocumentStatus = 'received' | 'processing' | 'done' | 'failed';

export interface WorkspacesTable {
  id: Generated<number>;
  kind: WorkspaceKind;
  external_id: string;
  name: string | null;
  timezone: Generated<string>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  workspace_id: number;
  external_id: string;
  display_name: string | null;
  locale: Generated<string>;
  created_at: CreatedAt;
}

export interface CompaniesTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  normalized_name: string;
  tax_id: string | null;
  sector: string | null;
  /** When the bot asked for the sector (once per company). */
  sector_asked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

export interface DocumentsTable {
  id: Generated<number>;
  workspace_id: number;
  uploaded_by: number | null;
  company_id: number | null;
  file_name: string;
  sha256: string;
  storage_key: string;
  size_bytes: number;
  status: DocumentStatus;
  error_code: string | null;
  error_message: string | null;
  pages: number | null;
  method: string | null;
  workflow_id: string | null;
  /** The chat thread the document was shared in (Slack thread ts, Telegram chat id). */
  thread_key: string | null;
  timings: Json<Record<string, number>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FinancialStatementsTable {
  id: Generated<number>;
  document_id: number;
  company_id: number | null;
  period_end: ColumnType<string, string, string>;
  type: 'balance_sheet' | 'income_statement';
  currency: string;
  unit: string;
  /** key -> value in full currency units for this period, per the analysis contract. */
  items: Json<Record<string, number>>;
  superseded_by: number | null;
  created_at: CreatedAt;
}

export interface AnalysisResultsTable {
  id: Generated<number>;
  document_id: number;
  /** The whole analysis.json, so exports and answers render from one stored source. */
  analysis: Json<unknown>;
  ratios: Json<unknown>;
  comparison: Json<unknown>;
  validation: Json<unknown>;
  alerts: Json<unknown>;
  /** Trends, ratio drivers, sector position… (`AnalysisExtras`); null until computed. */
  extras: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface ExportsTable {
  id: Generated<number>;
  document_id: number;
  workspace_id: number;
  format: string;
  storage_key: string;
  created_at: CreatedAt;
}

export interface DigestSubscriptionsTable {
  id: Generated<number>;
  workspace_id: number;
  channel: string;
  cadence: 'weekly' | 'monthly' | 'quarterly';
  company_id: number | null;
  time_of_day: string;
  timezone: string;
  schedule_id: string | null;
  paused: Generated<boolean>;
  alerts_only: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface QuestionsTable {
  id: Generated<number>;
  workspace_id: number;
  user_id: number | null;
  document_id: number | null;
  company_id: number | null;
  question: string;
  answer: string;
  intent: string | null;
  duration_ms: number;
  source_event_id: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: number | null;
  actor: string;
  action: string;
  subject: string | null;
  details: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface SectorBenchmarksTable {
  id: Generated<number>;
  sector_code: string;
  ratio_id: string;
  year: number;
  q1: number;
  median: number;
  q3: number;
  source: string;
  loaded_at: CreatedAt;
}

/** One row per digest run (schedule action), so a retried run never posts twice. */
export interface DigestRunsTable {
  id: Generated<number>;
  subscription_id: number;
  run_key: string;
  posted_at: Date | null;
  content: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

/** A message the bot posted, keyed so a retried activity never posts it twice. */
export interface ChatDeliveriesTable {
  id: Generated<number>;
  delivery_key: string;
  workspace_id: number | null;
  ref: string | null;
  created_at: CreatedAt;
}

export interface ThreadStatesTable {
  workspace_id: number;
  key: string;
  state: Json<Record<string, unknown>>;
  updated_at: UpdatedAt;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  companies: CompaniesTable;
  documents: DocumentsTable;
  financial_statements: FinancialStatementsTable;
  analysis_results: AnalysisResultsTable;
  exports: ExportsTable;
  digest_subscriptions: DigestSubscriptionsTable;
  questions: QuestionsTable;
  audit_log: AuditLogTable;
  sector_benchmarks: SectorBenchmarksTable;
  digest_runs: DigestRunsTable;
  chat_deliveries: ChatDeliveriesTable;
  thread_states: ThreadStatesTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type Company = Selectable<CompaniesTable>;
export type Document = Selectable<DocumentsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type DocumentUpdate = Updateable<DocumentsTable>;
export type FinancialStatement = Selectable<FinancialStatementsTable>;
