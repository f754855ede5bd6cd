import type { Clock } from '../../domain/shared/index.ts';
import type { UnitOfWork } from '../ports/index.ts';
import type { RenderTimings } from '../relay/refresh.ts';

export interface ContentDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Owners: they manage the content, and hear about payments that need a refund. */
  adminUserIds: number[];
  /** Where those alerts go first (the General topic), when set. */
  adminGroupId: number | null;
  outboxSignal: { notify(): void };
  renderTimings?: RenderTimings;
}
