import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ConfigSchema } from '../../lib/config.ts';

/** docker-compose cannot run here (no Docker engine), so its wiring is checked statically. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, { build?: string; environment?: Record<string, unknown>; command?: string[] }>;
  };
  const ours = Object.entries(compose.services).filter(([, s]) => s.build);
  const known = new Set(Object.keys(ConfigSchema.shape));

  it('builds the workers (main and OCR) and the bot from the Dockerfile', () => {
    assert.deepEqual(ours.map(([name]) => name).sort(), ['bot', 'ocr-worker', 'worker']);
    assert.ok(existsSync('Dockerfile'));
  });

  it('sets only variables the config schema knows', () => {
    for (const [name, service] of ours) {
      for (const key of Object.keys(service.environment ?? {})) {
        assert.ok(known.has(key), `${name}: ${key} is not in lib/config.ts`);
      }
    }
  });

  it('gives every service of ours a real Postgres and Temporal, and parses as valid config', () => {
    for (const [name, service] of ours) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{[^}]*\}/g, '')]));
      assert.match(String(env.DATABASE_URL), /^postgres:\/\//, `${name} DATABASE_URL`);
      assert.ok(env.TEMPORAL_ADDRESS, `${name} TEMPORAL_ADDRESS`);
      const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
      assert.ok(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`);
    }
  });

  it('starts entry points that exist', () => {
    for (const [name, service] of ours) {
      // The image runs the compiled tree (.build/, made by scripts/build.mjs): its source must exist.
      const compiled = service.command?.find((a) => a.endsWith('.js')) ?? '.build/scripts/worker.js';
      const script = compiled.replace(/^\.build\//, '').replace(/\.js$/, '.ts');
      assert.ok(existsSync(script), `${name}: ${script} missing`);
    }
  });
});
