import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { fanUser, groupTopicMessage } from '../support/updates.ts';

/**
 * Which updates the bot runs one after the other in process (polling mode has no drainer lanes, so the
 * bot's own `sequentialize` decides): one topic of the admin group is one lane, so an admin working in one
 * fan's topic does not hold the team's work in another's, and two commands in one topic keep their order.
 */
let h: BotHarness;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const fans = [fanUser(62_001, { first_name: 'Ada' }), fanUser(62_002, { first_name: 'Bea' })] as const;
const THREADS = [881, 882] as const;

beforeAll(async () => {
  h = await createBotHarness();
  const now = h.stack.clock.now();
  for (const [i, fan] of fans.entries()) {
    await h.stack.ensureFan(fan.id);
    await h.stack.uow.repos.users.upsert({ id: fan.id, firstName: fan.first_name }, now);
    await h.stack.uow.repos.topics.reserve(fan.id, ADMIN_GROUP_ID, fan.first_name);
    await h.stack.uow.repos.topics.setThread(fan.id, THREADS[i]!, fan.first_name);
  }
});
afterAll(() => h.dispose());
beforeEach(() => {
  h.reset();
  h.respond('sendMessage', null);
});

const info = (thread: number) =>
  groupTopicMessage(ADMIN_GROUP_ID, thread, owner, '/info', {
    entities: [{ type: 'bot_command', offset: 0, length: 5 }],
  });
const answersIn = (thread: number) =>
  h.callsTo('sendMessage').filter((c) => c.ok && c.payload.message_thread_id === thread);

/** Holds every answer sent into `thread` until `release()`; `reached` settles when the first is held. */
function holdAnswersIn(thread: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reachedNow!: () => void;
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));
  h.respond('sendMessage', (p) => {
    if (p.message_thread_id !== thread) return undefined;
    reachedNow();
    return gate.then(() => undefined);
  });
  return { reached, release };
}

describe('lanes in process: one topic of the admin group at a time, topics alongside', () => {
  it("an admin's command in one fan's topic does not wait for one held in another's", async () => {
    const held = holdAnswersIn(THREADS[0]);
    const first = h.handle(info(THREADS[0]));
    await held.reached;
    // Topic B runs to the end while topic A's answer is held (keyed on the chat, this never returned).
    await h.handle(info(THREADS[1]));
    expect(answersIn(THREADS[1])).toHaveLength(1);
    expect(answersIn(THREADS[0])).toHaveLength(0);
    held.release();
    await first;
    expect(answersIn(THREADS[0])).toHaveLength(1);
  });

  it('two commands in one topic run one after the other', async () => {
    const held = holdAnswersIn(THREADS[0]);
    const first = h.handle(info(THREADS[0]));
    await held.reached;
    const second = h.handle(info(THREADS[0]));
    // Another topic's whole command runs meanwhile; the second in the held topic has not started.
    await h.handle(info(THREADS[1]));
    expect(h.callsTo('sendMessage').filter((c) => c.payload.message_thread_id === THREADS[0])).toHaveLength(
      0,
    );
    held.release();
    await Promise.all([first, second]);
    const answers = answersIn(THREADS[0]);
    expect(answers).toHaveLength(2);
    const replyTo = answers.map((c) => (c.payload.reply_parameters as { message_id: number }).message_id);
    expect(replyTo[0]).toBeLessThan(replyTo[1]!);
  });
});
