import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { laneOf } from '../../src/bot/inbound.ts';
import { callbackQuery, command, fanUser, groupTopicMessage, preCheckoutQuery } from '../support/updates.ts';

const GROUP = -1001234567890;

describe('laneOf: which stored updates run one after the other', () => {
  const ada = fanUser(7001);
  const bo = fanUser(7002);

  it("a fan's messages, button presses and payment questions share the fan's lane", () => {
    const text = command(ada, '/start');
    const press = callbackQuery(ada, 'x', text.message!);
    const pay = preCheckoutQuery(ada, { payload: 'p', total_amount: 10 });
    expect(new Set([laneOf(text), laneOf(press), laneOf(pay)])).toEqual(new Set(['7001']));
    expect(laneOf(command(bo, '/start'))).toBe('7002');
  });

  it('each topic of a group is its own lane; a group without a topic is one lane', () => {
    const inTopic = groupTopicMessage(GROUP, 11, ada, 'hi');
    const otherTopic = groupTopicMessage(GROUP, 12, ada, 'hi');
    expect(laneOf(inTopic)).toBe(`${GROUP}:11`);
    expect(laneOf(otherTopic)).toBe(`${GROUP}:12`);
    expect(laneOf(callbackQuery(ada, 'x', inTopic.message!))).toBe(`${GROUP}:11`);
    const membership = {
      update_id: 5,
      my_chat_member: { chat: { id: GROUP, type: 'supergroup', title: 'g' }, from: ada, date: 0 },
    } as unknown as Update;
    expect(laneOf(membership)).toBe(String(GROUP));
  });

  it('an update naming neither a chat nor a person runs alone; junk never throws', () => {
    expect(laneOf({ update_id: 9 })).toBe('update:9');
    expect(laneOf({ update_id: 10, message: null, poll: { id: 'p' } } as unknown as Update)).toBe(
      'update:10',
    );
    expect(laneOf({ update_id: 11, message: { chat: { id: '7001' } } } as unknown as Update)).toBe(
      'update:11',
    );
  });
});
