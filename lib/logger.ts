import pino from 'pino';

/**
 * Structured JSON logs. Secrets are redacted by path wherever they might appear (config
 * objects, request headers), so a debug dump can never leak a token.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'smart-lodge-budget' },
  redact: {
    paths: ['*.SLACK_BOT_TOKEN', '*.SLACK_SIGNING_SECRET', '*.SLACK_APP_TOKEN', '*.TELEGRAM_BOT_TOKEN', '*.TELEGRAM_WEBHOOK_SECRET', '*.OPENAI_API_KEY', '*.DATABASE_URL', '*.authorization', 'headers.authorization', '*.token'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
