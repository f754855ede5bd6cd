import type { RelayDeps } from './relay.ts';
import { acceptAdminMessage, acceptFanMessage, type AdminMessage, type FanMessage } from './relay.ts';
import { createFanMessageBatcher, type FanBatchReport } from './batch.ts';
import { flushAlbum, type AlbumFlushJob } from './albums.ts';
import * as edits from './edits.ts';
import * as support from './support.ts';

/** The relay both ways: messages, albums, edits, deletes, payment support. */
export function createRelayServices(
  deps: RelayDeps &
    support.SupportDeps & {
      /** Told of each transaction of fans' messages (app/relay/batch.ts): counted, a failure logged. */
      onFanBatch?: (b: FanBatchReport) => void;
    },
) {
  const batcher = createFanMessageBatcher(deps, deps.onFanBatch ? { onBatch: deps.onFanBatch } : {});
  return {
    acceptFanMessage: (msg: FanMessage) => acceptFanMessage(deps, msg, batcher),
    acceptAdminMessage: (msg: AdminMessage) => acceptAdminMessage(deps, msg),
    flushAlbum: (job: AlbumFlushJob) => flushAlbum(deps, job),
    mirrorFanEdit: (edit: edits.FanEdit) => edits.mirrorFanEdit(deps, edit),
    mirrorAdminEdit: (edit: edits.AdminEdit) => edits.mirrorAdminEdit(deps, edit),
    findReplyToDelete: (req: edits.ReplyDeletionRequest) => edits.findReplyToDelete(deps, req),
    /** `/paysupport`: free, marked messages to the team (support.ts). */
    support: {
      await: (userId: number) => support.awaitSupportMessage(deps, userId),
      send: (m: Parameters<typeof support.sendSupportMessage>[1]) => support.sendSupportMessage(deps, m),
      takeAwaited: (
        m: Parameters<typeof support.takeAwaitedSupportMessage>[1],
        user: Parameters<typeof support.takeAwaitedSupportMessage>[2],
      ) => support.takeAwaitedSupportMessage(deps, m, user),
    },
  };
}
