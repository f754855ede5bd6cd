import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { eventually, startForumApp, startTestApp, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import { en } from '../../support/i18n.ts';
import { command, fanUser } from '../../support/updates.ts';

const textsTo = (fake: FakeTelegram, chatId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

describe('from npm start with only BOT_TOKEN to owning the bot', () => {
  let fake: FakeTelegram;
  let t: TestApp;
  let stderr = '';

  beforeAll(async () => {
    fake = await startFakeTelegram();
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      // Polling, no ADMIN_USER_IDS, no ADMIN_GROUP_ID, no Stripe: a fresh clone's first start.
      t = await startTestApp(fake, { mode: 'polling', env: { ADMIN_USER_IDS: '' } });
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });
  afterEach(() => fake.assertNoViolations());

  it('prints one plain line with the code on stderr; /claim makes the sender the owner; /admin opens the hub', async () => {
    const lines = stderr.split('\n').filter((l) => l.includes('/claim'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fanbridge: no owner yet\. .*"\/claim [0-9A-Z]{4}(-[0-9A-Z]{4}){3}" to @\w+ /);
    const code = /\/claim (\S+)"/.exec(lines[0]!)![1]!;

    const creator = fanUser(8101, { first_name: 'Cleo' });
    const stranger = fanUser(8102);
    // A wrong code first, from someone else: refused, nothing gained.
    fake.pushUpdate(command(stranger, '/claim', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ'));
    await eventually(() => textsTo(fake, stranger.id).length === 1, 10_000, 'the refusal');
    expect(textsTo(fake, stranger.id)[0]).toBe(en('admin-claim-invalid'));

    fake.pushUpdate(command(creator, '/claim', code));
    await eventually(() => textsTo(fake, creator.id).length === 1, 10_000, 'the claim answer');
    expect(textsTo(fake, creator.id)[0]).toBe(en('admin-claim-done', { bot: fake.botInfo.username }));
    expect(await t.app.deps.services.access.roleOf(creator.id)).toBe('owner');
    // The new owner's own menu: /admin and the categories.
    await eventually(
      () => fake.commands({ type: 'chat', chat_id: creator.id }).some((c) => c.command === 'admin'),
      5000,
      'the owner menu',
    );
    expect(fake.commands({ type: 'chat', chat_id: creator.id }).map((c) => c.command)).toEqual(
      expect.arrayContaining(['admin', 'dashboard', 'system']),
    );

    fake.pushUpdate(command(creator, '/admin'));
    await eventually(() => textsTo(fake, creator.id).length === 2, 10_000, 'the hub');
    expect(textsTo(fake, creator.id)[1]).toBe(en('admin-hub-home', { role: en('admin-hub-role-owner') }));

    // The claim is over: the code again, by anyone, is an unknown command.
    fake.pushUpdate(command(stranger, '/claim', code));
    await eventually(() => textsTo(fake, stranger.id).length === 2, 10_000, 'the second answer');
    expect(textsTo(fake, stranger.id)[1]).toBe(en('common-unknown-command', { command: '/claim' }));
  });
});

describe('the System screen on the real probes (webhook mode)', () => {
  let app: Awaited<ReturnType<typeof startForumApp>>;
  beforeAll(async () => {
    app = await startForumApp();
  });
  afterAll(() => app.stop());

  it('shows the version, the database, the job queue, the webhook and Stripe', async () => {
    const owner = fanUser(OWNER_ID);
    await app.t.post(command(owner, '/system'));
    const text = textsTo(app.fake, OWNER_ID).at(-1)!;
    expect(text).toContain(`fanbridge ${pkg.version}`);
    expect(text).toMatch(/Database: answering \(\d+ ms\)/);
    expect(text).toMatch(/Job queue: \d+ ready, \d+ scheduled, \d+ running/);
    expect(text).toMatch(/Telegram webhook: \d+ updates waiting/);
    expect(text).toContain(en('admin-system-stripe-off'));
    expect(app.fake.callsTo('getWebhookInfo')).toHaveLength(1);
    app.fake.assertNoViolations();
  });
});
