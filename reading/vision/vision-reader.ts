import OpenAI from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { ZodError } from 'zod';
import { SYSTEM_PROMPT, userPrompt } from './prompt.ts';
import { VisionPageSchema, type VisionPage } from './schema.ts';
import { VisionError, type VisionHints, type VisionReader, type VisionReaderOptions } from './vision-error.ts';

export { VisionError, type VisionErrorKind, type VisionHints, type VisionReader, type VisionReaderOptions } from './vision-error.ts';

const RESPONSE_FORMAT = zodResponseFormat(VisionPageSchema, 'statement_page');

/**
 * One OpenAI client per reader: create the reader once per worker process so connections
 * are pooled. Works against any Chat Completions server through `baseURL`.
 */
export function createVisionReader(opts: VisionReaderOptions): VisionReader {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    // Small: vision is an optional cross-check, a long retry chain only delays the fallback.
    maxRetries: opts.maxRetries ?? 2,
  });

  return {
    async readPage(png, pageNumber, hints = {}) {
      let completion;
      try {
        completion = await client.chat.completions.parse({
          model: opts.model,
          temperature: 0,
          response_format: RESPONSE_FORMAT,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            {
              role: 'user',
              content: [
                { type: 'text', text: userPrompt(pageNumber, hints.periods) },
                { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}`, detail: 'high' } },
              ],
            },
          ],
        });
      } catch (err) {
        throw toVisionError(err, pageNumber);
      }
      const message = completion.choices[0]?.message;
      if (!message) throw new VisionError('invalid-output', 'response has no choices', pageNumber);
      if (message.refusal) throw new VisionError('refusal', `model refused: ${message.refusal.slice(0, 200)}`, pageNumber);
      // No tools are offered, so a tool call can only come from a confused or steered model.
      if (message.tool_calls?.length) throw new VisionError('invalid-output', 'unexpected tool call in response', pageNumber);
      if (!message.parsed) throw new VisionError('invalid-output', 'response has no structured content', pageNumber);
      return { page: pageNumber, ...message.parsed };
    },
  };
}

function toVisionError(err: unknown, page: number): VisionError {
  const cause = { cause: err };
  const text = err instanceof Error ? err.message : String(err);
  // Order matters: the timeout error is a connection error, which is an APIError.
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new VisionError('timeout', 'vision request timed out', page, cause);
  if (err instanceof OpenAI.APIConnectionError) return new VisionError('unavailable', `vision server unreachable: ${text}`, page, cause);
  if (err instanceof OpenAI.RateLimitError) return new VisionError('rate-limited', 'vision server rate limit (after retries)', page, cause);
  if (err instanceof OpenAI.APIError) {
    const kind = (err.status ?? 0) >= 500 ? 'server' : 'api';
    return new VisionError(kind, `vision server error ${err.status ?? ''}: ${text}`, page, cause);
  }
  if (err instanceof ContentFilterFinishReasonError) return new VisionError('refusal', 'response stopped by content filter', page, cause);
  if (err instanceof LengthFinishReasonError) return new VisionError('invalid-output', 'response truncated (length limit)', page, cause);
  if (err instanceof SyntaxError) return new VisionError('invalid-output', `response is not JSON: ${text}`, page, cause);
  if (err instanceof ZodError) return new VisionError('invalid-output', `response does not match the schema: ${err.issues[0]?.message ?? ''}`, page, cause);
  return new VisionError('api', `vision request failed: ${text}`, page, cause);
}
