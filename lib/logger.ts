import pino from 'pino';

/**
 * Structured JSON logs. Secrets are redacted by path wherever they might appear (config
 * objects, request headers), so a debug dump can never leak a token.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)) {
  // stderr: a command's own output (stdout) stays clean; containers collect both.
  return pino({ level, base: { service: 'smart-lodge-budget' }, redact: REDACT }, destination);
}

const REDACT = {
  paths: ['*.SLACK_BOT_TOKEN', '*.SLACK_SIGNING_SECRET', '*.SLACK_APP_TOKEN', '*.TELEGRAM_BOT_TOKEN', '*.TELEGRAM_WEBHOOK_SECRET', '*.OPENAI_API_KEY', '*.DATABASE_URL', '*.SMTP_URL', '*.authorization', 'headers.authorization', '*.token'],
  censor: '[redacted]',
};

/** The process logger; entry points set `logger.level` from the parsed config. */
export const logger = createLogger('info');

export type Logger = typeof logger;
