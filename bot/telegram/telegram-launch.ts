import type { Telegraf } from 'telegraf';
import { ConfigError, type Config } from '../../lib/config.ts';

/**
 * Starts the bot: a webhook when TELEGRAM_WEBHOOK_URL is set, long polling otherwise. The
 * webhook is registered with its secret (setWebhook secret_token) and telegraf refuses every
 * POST without it; a webhook without a secret is refused outright.
 */
export async function launchTelegram(
  bot: Telegraf,
  config: Pick<Config, 'TELEGRAM_WEBHOOK_URL' | 'TELEGRAM_WEBHOOK_SECRET'>,
  listen: { port: number; host?: string },
): Promise<'webhook' | 'polling'> {
  if (!config.TELEGRAM_WEBHOOK_URL) {
    void bot.launch();
    return 'polling';
  }
  if (!config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set');
  }
  const url = new URL(config.TELEGRAM_WEBHOOK_URL);
  await bot.launch({ webhook: { domain: url.host, path: url.pathname, port: listen.port, host: listen.host, secretToken: config.TELEGRAM_WEBHOOK_SECRET } });
  return 'webhook';
}
