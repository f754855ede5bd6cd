import type { Clock } from '../../domain/shared/index.ts';
import type { Access, UnitOfWork } from '../ports/index.ts';
import type { RenderTimings } from '../relay/refresh.ts';

export interface ContentDeps {
  uow: UnitOfWork;
  clock: Clock;
  /**
   * Who may manage the content (`products.edit`), and who hears about a second payment for content a
   * fan owned already (holders of `payments.refund`).
   */
  access: Access;
  /** Owners: they hear about payments that need a refund. */
  adminUserIds: number[];
  renderTimings?: RenderTimings;
}
