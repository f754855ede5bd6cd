import * as delivery from '../../app/relay/delivery.ts';
import { noteText } from '../../app/relay/edits.ts';
import { receiptText } from '../../app/relay/receipt.ts';
import type { TextRef } from '../../app/ports/index.ts';
import { SendError, type Handler } from './context.ts';
import { refuseIfBlocked, topicThreadOf } from './topics.ts';

/** A text: receipts, notices, failure notes, owner alerts. */
export const notice: Handler<'notice'> = async (ctx, item, p) => {
  const { api, clock, uow, views } = ctx.deps;
  const threadId =
    p.toTopicOf !== undefined ? await topicThreadOf(ctx, p.toTopicOf, p.chatId) : (p.threadId ?? null);
  // The fan's row, read once: whether they blocked the bot, and their language.
  const fan = p.chatId > 0 && p.userId !== undefined ? await refuseIfBlocked(ctx, p.userId, item) : null;
  const locale = await views.localeFor(p.chatId, fan ?? item.recipient);
  const text = p.receipt ? receiptText(p.receipt) : p.text;
  const html = text ? views.render(text, locale) : (p.html ?? '');
  const keyboard = p.keyboard?.map((row) =>
    row.map((b) => ({ ...b, text: typeof b.text === 'string' ? b.text : views.render(b.text, locale) })),
  );
  await ctx.call(p.chatId, threadId, () =>
    api.sendMessage(p.chatId, html, {
      parse_mode: 'HTML',
      ...(threadId ? { message_thread_id: threadId } : {}),
      ...(p.replyTo
        ? { reply_parameters: { message_id: p.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    }),
  );
  await uow.repos.outbox.complete(item.id, clock.now());
};

/** A reaction (a read receipt, a delivery mark): no flood budget. */
export const react: Handler<'react'> = async (ctx, item, p) => {
  await ctx.call(p.chatId, null, () =>
    ctx.deps.api.setMessageReaction(p.chatId, p.messageId, [{ type: 'emoji', emoji: p.emoji as '👌' }]),
  );
  await ctx.deps.uow.repos.outbox.complete(item.id, ctx.deps.clock.now());
};

/** Any other Bot API call, with an effect recorded in the transaction that marks it sent. */
export const genericCall: Handler<'call'> = async (ctx, item, p) => {
  const { api, clock, uow, views } = ctx.deps;
  const params: Record<string, unknown> = { ...p.params };
  if (p.note) {
    // An edit note: its label (and a removed caption's placeholder) in the reader's language.
    const locale = await views.localeFor(item.chatId, item.recipient);
    const say = (t: string | TextRef) => (typeof t === 'string' ? t : views.render(t, locale));
    Object.assign(params, noteText(say(p.note.label), say(p.note.body), p.note.entities));
  }
  let threadId: number | null = null;
  if (p.toTopicOf !== undefined) {
    threadId = await topicThreadOf(ctx, p.toTopicOf, item.chatId);
    params.message_thread_id = threadId;
  }
  if (p.userId !== undefined && item.chatId > 0) await refuseIfBlocked(ctx, p.userId, item);
  if (p.texts || p.keyboard) await renderCallTexts(ctx, item, p, params);
  const raw = api.raw as unknown as Record<string, (params: unknown) => Promise<unknown>>;
  const method = raw[p.method];
  if (typeof method !== 'function')
    throw new SendError({ type: 'permanent', reason: `unknown method ${p.method}` }, null);
  let result: unknown = null;
  try {
    result = await ctx.call(item.chatId, threadId, () => method(params));
  } catch (err) {
    const ok =
      err instanceof SendError &&
      err.failure.type === 'permanent' &&
      (p.okErrors ?? []).some((e) => (err.failure as { reason: string }).reason.includes(e));
    if (!ok) throw err;
  }
  await uow.run(async (r) => {
    await r.outbox.complete(item.id, clock.now());
    if (p.effect) await delivery.applyEffect(r, p.effect, result);
  });
};

/** A call's catalogue texts (a caption, button labels) in the chat's language, into its parameters. */
async function renderCallTexts(
  ctx: Parameters<Handler<'call'>>[0],
  item: Parameters<Handler<'call'>>[1],
  p: Parameters<Handler<'call'>>[2],
  params: Record<string, unknown>,
): Promise<void> {
  const { views } = ctx.deps;
  const locale = await views.localeFor(item.chatId, item.recipient);
  for (const [path, ref] of Object.entries(p.texts ?? {})) {
    // Copies along the path, so the stored payload is left as it was.
    const keys = path.split('.');
    let node: Record<string, unknown> = params;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      const copy = Array.isArray(child) ? [...child] : { ...(child as Record<string, unknown>) };
      node[key] = copy;
      node = copy as unknown as Record<string, unknown>;
    }
    node[keys.at(-1)!] = views.render(ref, locale);
  }
  if (p.keyboard)
    params.reply_markup = {
      inline_keyboard: p.keyboard.map((row) =>
        row.map((b) => ({ ...b, text: typeof b.text === 'string' ? b.text : views.render(b.text, locale) })),
      ),
    };
}
