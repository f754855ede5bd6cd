import type { Clock } from '../../domain/shared/index.ts';
import type { Access, UnitOfWork } from '../ports/index.ts';
import type { RenderTimings } from '../relay/refresh.ts';

export interface ContentDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Owners: they manage the content, and hear about payments that need a refund. */
  adminUserIds: number[];
  /** Where those alerts go first (the General topic), when set. */
  adminGroupId: number | null;
  outboxSignal: { notify(): void };
  /** Who hears about a second payment for content a fan owned already (holders of `payments.refund`). */
  access: Access;
  renderTimings?: RenderTimings;
}
