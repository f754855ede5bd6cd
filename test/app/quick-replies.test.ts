import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INLINE_PAGE } from '../../src/app/admin/quick-replies/index.ts';
import { QUICK_REPLY_LIMITS } from '../../src/domain/quick-replies/index.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/** Quick replies' use cases on a real unit of work: permissions, all-or-nothing import, order, paging. */
let s: ServiceStack;
const AGENT = 43_001;
beforeAll(async () => {
  s = await createServiceStack();
  await s.uow.repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, s.clock.now());
});
afterAll(() => s.dispose());

const qr = () => s.services.quickReplies;
const titles = async () => (await s.uow.repos.quickReplies.list()).map((t) => t.title);

describe('quick replies', () => {
  it('an agent may use them but not change them', async () => {
    const draft = { category: '', title: 'Hi', body: 'Hello!', entities: null };
    expect(await qr().create(AGENT, draft)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await qr().importFile(AGENT, '=== Hi\nHello!')).toEqual({ ok: false, code: 'not_allowed' });
    expect(await qr().create(OWNER_ID, draft)).toMatchObject({ ok: true });
    expect(await qr().list(AGENT)).toMatchObject({ ok: true, canEdit: false, items: [{ title: 'Hi' }] });
    expect(await qr().inline(99_999, '', '')).toBeNull();
    expect(await qr().inline(AGENT, '', '')).toMatchObject({ items: [{ title: 'Hi' }], nextOffset: '' });
  });

  it('keeps the formatting only while it still fits the stored text', async () => {
    const bold = [{ type: 'bold', offset: 0, length: 2 }];
    const kept = await qr().create(OWNER_ID, {
      category: 'F',
      title: 'Bold',
      body: 'Hi there',
      entities: bold,
    });
    const dropped = await qr().create(OWNER_ID, {
      category: 'F',
      title: 'Trimmed',
      body: ' Hi there ',
      entities: bold,
    });
    if (!kept.ok || !dropped.ok) throw new Error('not created');
    expect((await s.uow.repos.quickReplies.get(kept.id))!.entities).toEqual(bold);
    expect((await s.uow.repos.quickReplies.get(dropped.id))!).toMatchObject({
      body: 'Hi there',
      entities: null,
    });
  });

  it('moves within its category; at an end nothing moves', async () => {
    const third = await qr().create(OWNER_ID, { category: 'F', title: 'Third', body: 'x', entities: null });
    if (!third.ok) throw new Error('not created');
    await qr().move(OWNER_ID, third.id, -1);
    expect(await titles()).toEqual(['Hi', 'Bold', 'Third', 'Trimmed']);
    await qr().move(OWNER_ID, third.id, -1);
    await qr().move(OWNER_ID, third.id, -1);
    expect(await titles()).toEqual(['Hi', 'Third', 'Bold', 'Trimmed']);
    expect(await qr().move(AGENT, third.id, 1)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await qr().move(OWNER_ID, 999_999, 1)).toEqual({ ok: false, code: 'not_found' });
  });

  it('an import over the limit changes nothing, not even the templates it would update', async () => {
    const many = Array.from({ length: QUICK_REPLY_LIMITS.count - 2 }, (_, i) => `=== Bulk ${i}\nText ${i}`);
    const res = await qr().importFile(OWNER_ID, ['=== Hi\nChanged!', ...many].join('\n'));
    expect(res).toEqual({ ok: false, code: 'too_many' });
    expect((await s.uow.repos.quickReplies.list()).find((t) => t.title === 'Hi')!.body).toBe('Hello!');
    expect(await s.uow.repos.quickReplies.count()).toBe(4);
  });

  it('pages inline answers 50 at a time, most used first', async () => {
    const file = Array.from({ length: 60 }, (_, i) => `=== [Page] P${i}\nPaged ${i}`).join('\n');
    expect(await qr().importFile(OWNER_ID, file)).toEqual({ ok: true, added: 60, updated: 0, unchanged: 0 });
    const p59 = (await s.uow.repos.quickReplies.list()).find((t) => t.title === 'P59')!;
    expect(await qr().used(AGENT, p59.id)).toBe(true);
    expect(await qr().used(99_999, p59.id)).toBe(false);
    const first = (await qr().inline(AGENT, 'paged', ''))!;
    expect(first.items).toHaveLength(INLINE_PAGE);
    expect(first.items[0]!.title).toBe('P59');
    expect(first.nextOffset).toBe('50');
    const second = (await qr().inline(AGENT, 'paged', first.nextOffset))!;
    expect(second.items).toHaveLength(10);
    expect(second.nextOffset).toBe('');
    // A query with LIKE's wildcards matches them literally.
    expect((await qr().inline(AGENT, '%', ''))!.items).toEqual([]);
  });
});
