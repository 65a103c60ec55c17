import type { Config } from '../../lib/config.ts';
import type { ChatPoster } from './chat-poster.ts';
import { SlackPoster } from './slack-poster.ts';
import { TelegramPoster } from './telegram-poster.ts';

/** One API client per configured platform, shared by every activity of the worker. */
export function createPosters(config: Config): { slack?: ChatPoster; telegram?: ChatPoster } {
  return {
    slack: config.SLACK_BOT_TOKEN
      ? new SlackPoster(config.SLACK_BOT_TOKEN, { apiUrl: config.SLACK_API_URL, fileHosts: config.SLACK_FILE_HOSTS.split(',').map((h) => h.trim()) })
      : undefined,
    telegram: config.TELEGRAM_BOT_TOKEN ? new TelegramPoster(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT) : undefined,
  };
}
