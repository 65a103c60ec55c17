import type { Config } from '../../lib/config.ts';
import type { ChatPoster } from './chat-poster.ts';

/**
 * One API client per configured platform, shared by every activity of the worker. A
 * platform's SDK is loaded only when its token is set (a local run loads neither).
 */
export async function createPosters(config: Config): Promise<{ slack?: ChatPoster; telegram?: ChatPoster }> {
  const [slack, telegram] = await Promise.all([
    config.SLACK_BOT_TOKEN
      ? import('./slack-poster.ts').then(({ SlackPoster }) => new SlackPoster(config.SLACK_BOT_TOKEN!, { apiUrl: config.SLACK_API_URL, fileHosts: config.SLACK_FILE_HOSTS.split(',').map((h) => h.trim()) }))
      : undefined,
    config.TELEGRAM_BOT_TOKEN ? import('./telegram-poster.ts').then(({ TelegramPoster }) => new TelegramPoster(config.TELEGRAM_BOT_TOKEN!, config.TELEGRAM_API_ROOT)) : undefined,
  ]);
  return { slack, telegram };
}
