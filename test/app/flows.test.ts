import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_TTL_MS } from '../../src/app/content/drafts.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

let nextMessage = 1;
const photo = (mediaGroupId?: string) => ({
  kind: 'media' as const,
  type: 'photo' as const,
  fileId: `file-${nextMessage}`,
  fileUniqueId: `uniq-${nextMessage}`,
  messageId: ++nextMessage,
  ...(mediaGroupId ? { mediaGroupId } : {}),
});
const text = (t: string) => ({ kind: 'text' as const, text: t });
const input = (i: Parameters<typeof s.services.content.admin.input>[0]['input'], adminId = OWNER_ID) =>
  s.services.content.admin.input({ adminId, input: i });
const stepOf = async (actorId = OWNER_ID) => (await s.uow.repos.flows.get(actorId, 'content'))?.step ?? null;

describe('guided flows: step rows', () => {
  it('the flows repo starts, advances and ends a flow; one open flow per person', async () => {
    const { flows } = s.uow.repos;
    await flows.save({ actorId: 5001, flow: 'demo', step: 'one', data: { a: 1 } }, s.clock.now());
    expect(await flows.get(5001, 'demo')).toMatchObject({ step: 'one', data: { a: 1 } });
    await flows.save({ actorId: 5001, flow: 'demo', step: 'two', data: { a: 2 } }, s.clock.now());
    expect(await flows.get(5001, 'demo')).toMatchObject({ step: 'two', data: { a: 2 } });
    // Another kind replaces it.
    await flows.save({ actorId: 5001, flow: 'other', step: 'x', data: {} }, s.clock.now());
    expect(await flows.get(5001, 'demo')).toBeNull();
    expect(await flows.end(5001, 'other')).toBe(true);
    expect(await flows.end(5001, 'other')).toBe(false);
  });

  it('/content add walks media → title → credits → stars, one step row at a time, and creates the item', async () => {
    expect(await s.services.content.admin.startAdd({ adminId: OWNER_ID })).toEqual({ ok: true });
    expect(await stepOf()).toBe('media');
    expect(await input(photo())).toEqual({ handled: true, reply: { code: 'ask_title' } });
    expect(await stepOf()).toBe('title');
    expect(await input(text('Sunset set'))).toEqual({
      handled: true,
      reply: { code: 'ask_credits', title: 'Sunset set' },
    });
    expect(await stepOf()).toBe('credits');
    expect(await input(text('25'))).toEqual({ handled: true, reply: { code: 'ask_stars', credits: 25 } });
    const done = await input(text('100'));
    expect(done).toMatchObject({
      handled: true,
      reply: { code: 'created', item: { title: 'Sunset set', priceCredits: 25, priceStars: 100 } },
    });
    expect(await stepOf()).toBeNull();
  });

  it('a wrong answer keeps the step and says to retry', async () => {
    await s.services.content.admin.startAdd({ adminId: OWNER_ID });
    expect(await input(text('no media yet'))).toMatchObject({
      handled: true,
      reply: { code: 'retry', step: 'media' },
    });
    await input(photo());
    await input(text('Title'));
    expect(await input(text('lots'))).toMatchObject({
      handled: true,
      reply: { code: 'retry', step: 'credits' },
    });
    expect(await stepOf()).toBe('credits');
    expect(await input({ kind: 'other_media' })).toMatchObject({ reply: { code: 'retry', step: 'credits' } });
    expect(await s.services.content.admin.cancel({ adminId: OWNER_ID })).toBe(true);
    expect(await stepOf()).toBeNull();
  });

  it('album items join the draft silently, even after the title', async () => {
    await s.services.content.admin.startAdd({ adminId: OWNER_ID });
    const first = photo('alb-1');
    expect(await input(first)).toMatchObject({ reply: { code: 'ask_title' } });
    expect(await input(photo('alb-1'))).toMatchObject({ reply: { code: 'silent' } });
    await input(text('Two photos'));
    expect(await input(photo('alb-1'))).toMatchObject({ reply: { code: 'silent' } });
    // The same item again (a redelivery) is not added twice.
    expect(await input(first)).toMatchObject({ reply: { code: 'silent' } });
    await input(text('10'));
    const done = await input(text('50'));
    expect(done).toMatchObject({ reply: { code: 'created' } });
    if (done.handled && done.reply.code === 'created') expect(done.reply.item.media).toHaveLength(3);
  });

  it('without an open flow, or for a non-admin, a message is not the flow’s', async () => {
    expect(await input(text('hello'))).toEqual({ handled: false });
    expect(await s.services.content.admin.startAdd({ adminId: 5999 })).toEqual({ ok: false });
    expect(await input(text('hello'), 5999)).toEqual({ handled: false });
  });

  it('a flow left alone for a day is forgotten', async () => {
    await s.services.content.admin.startAdd({ adminId: OWNER_ID });
    s.clock.advance(DRAFT_TTL_MS + 1);
    expect(await input(photo())).toEqual({ handled: false });
    expect(await stepOf()).toBeNull();
  });
});
