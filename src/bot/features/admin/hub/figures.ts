import type { OutboxBacklog } from '../../../../app/ports/index.ts';
import type { Context } from '../../../context.ts';

/** What each outbox class carries (app/outbox/policy.ts). */
function className(ctx: Context, priority: number): string {
  switch (priority) {
    case 1:
      return ctx.t('admin-hub-outbox-class-replies');
    case 2:
      return ctx.t('admin-hub-outbox-class-content');
    case 3:
      return ctx.t('admin-hub-outbox-class-notices');
    case 4:
      return ctx.t('admin-hub-outbox-class-renders');
    default:
      return ctx.t('admin-hub-outbox-class-bulk');
  }
}

/** The outbox backlog, one line per class with something waiting (shared by System and Dashboard). */
export function outboxLines(ctx: Context, backlog: readonly OutboxBacklog[], now: Date): string[] {
  const waiting = backlog.filter((b) => b.pending > 0);
  if (waiting.length === 0) return [ctx.t('admin-hub-outbox-empty')];
  return [
    ctx.t('admin-hub-outbox-title'),
    ...waiting.map((b) =>
      ctx.t('admin-hub-outbox-class', {
        priority: b.priority,
        name: className(ctx, b.priority),
        pending: b.pending,
        age: { duration: Math.max(0, now.getTime() - (b.oldestAt ?? now).getTime()) },
      }),
    ),
  ];
}

/** The Refresh button and the "updated at" line of a screen of figures. */
export const refreshRow = (ctx: Context, cat: string) => [{ text: ctx.t('admin-hub-refresh'), to: { cat } }];
export const updatedLine = (ctx: Context, at: Date) => ctx.t('admin-hub-updated', { at });
