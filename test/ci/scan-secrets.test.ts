import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SENTINELS, secretPart } from '../support/sentinels.ts';

const dir = mkdtempSync(join(tmpdir(), 'fanbridge-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs .ci/scan-secrets.mjs on a log holding `line`. */
function scan(line: string) {
  const file = join(dir, 'run.log');
  writeFileSync(file, `=== tests\nsome output\n${line}\nmore output\n`);
  const r = spawnSync(process.execPath, ['.ci/scan-secrets.mjs', file], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

const token = SENTINELS.fakeBotToken;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('.ci/scan-secrets.mjs', () => {
  it.each([
    ['a token in a request URL', `request to http://127.0.0.1:1/bot${token}/getMe failed`, /fakeBotToken/],
    ['the secret part of a token', `secret ${secretPart(token)}`, /fakeBotToken \(secret part\)/],
    ['a URL-encoded token', `q=${encodeURIComponent(token)}`, /URL-encoded/],
    ['a token in base64', `x ${b64(`user:${token}`)}`, /base64/],
    [
      'a Stripe key in a Basic-auth header',
      `Basic ${b64(`${SENTINELS.stripeSecretKey}:`)}`,
      /stripeSecretKey/,
    ],
    ['a webhook secret', `secret_token: ${SENTINELS.webhookSecret}`, /webhookSecret/],
    ['a truncated secret', `token ${token.slice(0, 20)}…`, /marker/],
  ])('fails on %s, naming the form but not the value', (_label, line, form) => {
    const r = scan(line);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(form);
    expect(r.output).toMatch(/run\.log:3:/);
    expect(r.output).not.toContain(secretPart(token).slice(0, 12));
    expect(r.output).not.toContain(SENTINELS.webhookSecret);
  });

  it('passes a clean log', () => {
    expect(scan('{"level":30,"msg":"fanbridge started"}').status).toBe(0);
  });
});
