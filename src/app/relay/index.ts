import type { RelayDeps } from './relay.ts';
import { acceptAdminMessage, acceptFanMessage, type AdminMessage, type FanMessage } from './relay.ts';
import { createFanMessageBatcher } from './batch.ts';
import { flushAlbum, type AlbumFlushJob } from './albums.ts';
import * as edits from './edits.ts';
import * as support from './support.ts';

/** The relay both ways: messages, albums, edits, deletes, payment support. */
export function createRelayServices(
  deps: RelayDeps &
    support.SupportDeps & {
      /** Told when a batch of fans' messages failed and its messages ran alone (app/relay/batch.ts). */
      onFanBatchFailed?: (err: unknown, size: number) => void;
    },
) {
  const batcher = createFanMessageBatcher(deps, {
    ...(deps.onFanBatchFailed ? { onBatchFailed: deps.onFanBatchFailed } : {}),
  });
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
