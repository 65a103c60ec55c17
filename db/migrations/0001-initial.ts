import { sql, type Kysely } from 'kysely';

// Frozen in effect: once released, the SQL a migration runs never changes (later changes add
// new files). It is split into table groups only for reading; the statements and their order
// are what they always were.
export async function up(db: Kysely<unknown>): Promise<void> {
  await upTenancy(db);
  await upDocuments(db);
  await upConversations(db);
  await upBenchmarks(db);
}

const id = (c: any) => c.primaryKey().generatedAlwaysAsIdentity();
const now = (c: any) => c.notNull().defaultTo(sql`now()`);

/** Workspaces, their users and companies. */
async function upTenancy(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('workspaces')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('slack','telegram','local')`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Istanbul'))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('workspaces_kind_external_id_key', ['kind', 'external_id'])
    .execute();

  await db.schema.createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('tr'))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('users_workspace_external_id_key', ['workspace_id', 'external_id'])
    .execute();

  await db.schema.createTable('companies')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized_name', 'text', (c) => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('sector', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await sql`create unique index companies_workspace_tax_id_key on companies (workspace_id, tax_id) where tax_id is not null`.execute(db);
  await db.schema.createIndex('companies_workspace_name_idx').on('companies').columns(['workspace_id', 'normalized_name']).execute();
}

/** Uploaded documents, the statements read from them, their analyses and exports. */
async function upDocuments(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('documents')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received','processing','done','failed')`))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('pages', 'integer')
    .addColumn('method', 'text')
    .addColumn('workflow_id', 'text')
    .addColumn('thread_key', 'text')
    .addColumn('timings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('documents_workspace_sha256_key', ['workspace_id', 'sha256'])
    .execute();

  await db.schema.createTable('financial_statements')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('set null'))
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('balance_sheet','income_statement')`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('superseded_by', 'integer', (c) => c.references('financial_statements.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('financial_statements_doc_period_type_key', ['document_id', 'period_end', 'type'])
    .execute();
  await db.schema.createIndex('financial_statements_company_idx').on('financial_statements').columns(['company_id', 'period_end']).execute();

  await db.schema.createTable('analysis_results')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().unique().references('documents.id').onDelete('cascade'))
    // `json`, not `jsonb`: the stored text keeps the contract's key and period order
    // (jsonb re-sorts keys), so analysis.json read back is byte-for-byte what was built.
    .addColumn('analysis', 'json', (c) => c.notNull())
    .addColumn('ratios', 'jsonb', (c) => c.notNull())
    .addColumn('comparison', 'jsonb', (c) => c.notNull())
    .addColumn('validation', 'jsonb', (c) => c.notNull())
    .addColumn('alerts', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema.createTable('exports')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('exports_document_format_key', ['document_id', 'format'])
    .execute();
}

/** Digests, questions and answers, chat deliveries and the audit log. */
async function upConversations(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('digest_subscriptions')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull().check(sql`cadence in ('weekly','monthly','quarterly')`))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('cascade'))
    .addColumn('time_of_day', 'text', (c) => c.notNull().defaultTo('09:00'))
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Istanbul'))
    .addColumn('schedule_id', 'text', (c) => c.unique())
    .addColumn('paused', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('alerts_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema.createTable('questions')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('set null'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('intent', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('source_event_id', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  // A redelivered chat event (Slack retry, repeated Telegram update) is answered once.
  await sql`create unique index questions_event_key on questions (workspace_id, source_event_id) where source_event_id is not null`.execute(db);

  await db.schema.createTable('chat_deliveries')
    .addColumn('id', 'integer', id)
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'integer', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('ref', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema.createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('audit_log_workspace_idx').on('audit_log').columns(['workspace_id', 'created_at']).execute();
}

export async function upBenchmarks(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('sector_benchmarks')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('ratio_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('q1', 'double precision', (c) => c.notNull())
    .addColumn('median', 'double precision', (c) => c.notNull())
    .addColumn('q3', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sector_benchmarks_key', ['sector_code', 'ratio_id', 'year', 'source'])
    .execute();
  await db.schema.createTable('digest_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('digest_subscriptions.id').onDelete('cascade'))
    .addColumn('run_key', 'text', (c) => c.notNull().unique())
    .addColumn('posted_at', 'timestamptz')
    .addColumn('content', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['chat_deliveries', 'digest_runs', 'sector_benchmarks', 'audit_log', 'questions', 'digest_subscriptions', 'exports', 'analysis_results',
    'financial_statements', 'documents', 'companies', 'users', 'workspaces']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
