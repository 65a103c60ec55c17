import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { childEnv } from './test-runtime.ts';
import { commandArgs } from './command.ts';

/** `npm run chat` (scripts/chat.ts) fed `lines` on stdin; its standard output once it exits cleanly. */
export async function runChatScript(env: Record<string, string>, lines: string[], queue: string): Promise<string> {
  const child = spawn(process.execPath, commandArgs('chat'), {
    env: childEnv(env, { TEMPORAL_TASK_QUEUE: `${queue}-${process.pid}` }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(`${lines.join('\n')}\n`);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  assert.equal(code, 0, out);
  return out;
}
