import * as admin from './admin.ts';
import type { ContentDeps } from './deps.ts';
import * as drafts from './drafts.ts';
import * as fan from './fan.ts';

export type { ContentDeps } from './deps.ts';
export type { ContentKeyboards } from './send.ts';
export type { DraftInput, DraftReply, DraftRetryReason, EditField } from './drafts.ts';
export type { AdminItemView } from './admin.ts';
export {
  checkUnlockPreCheckout,
  grantInvoiceUnlock,
  revokeInvoiceUnlock,
  unlockRefundedNotice,
} from './stars.ts';
export { mediaCounts, sellsAsPaidMedia } from './send.ts';
export type { UnlockInvoice } from './fan.ts';

type Arg<F extends (deps: ContentDeps, a: never) => unknown> = Parameters<F>[1];

/** Premium content use cases bound to their dependencies (`services.content`). */
export function createContentServices(deps: ContentDeps) {
  return {
    browse: (a: Arg<typeof fan.browseContent>) => fan.browseContent(deps, a),
    /** One item by its deep link (`start=content_<item>`). */
    show: (a: Arg<typeof fan.showContentItem>) => fan.showContentItem(deps, a),
    unlockWithCredits: (a: Arg<typeof fan.unlockWithCredits>) => fan.unlockWithCredits(deps, a),
    resend: (a: Arg<typeof fan.resendContent>) => fan.resendContent(deps, a),
    startInvoice: (a: Arg<typeof fan.startUnlockInvoice>) => fan.startUnlockInvoice(deps, a),
    admin: {
      list: (a: Arg<typeof admin.listContentForAdmin>) => admin.listContentForAdmin(deps, a),
      view: (a: Arg<typeof admin.viewContentItem>) => admin.viewContentItem(deps, a),
      setHidden: (a: Arg<typeof admin.setContentHidden>) => admin.setContentHidden(deps, a),
      move: (a: Arg<typeof admin.moveContentItem>) => admin.moveContentItem(deps, a),
      sendToMe: (a: Arg<typeof admin.sendContentToAdmin>) => admin.sendContentToAdmin(deps, a),
      startAdd: (a: Arg<typeof drafts.startContentDraft>) => drafts.startContentDraft(deps, a),
      startEdit: (a: Arg<typeof drafts.startContentEdit>) => drafts.startContentEdit(deps, a),
      cancel: (a: Arg<typeof drafts.cancelContentDraft>) => drafts.cancelContentDraft(deps, a),
      input: (a: Arg<typeof drafts.continueContentDraft>) => drafts.continueContentDraft(deps, a),
    },
  };
}
