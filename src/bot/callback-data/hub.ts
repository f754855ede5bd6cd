import { createCallbackData } from './codec.ts';

/**
 * A button of the control center (`/admin`): the menu's nonce (an older menu's buttons go stale), the
 * category (`home` for the hub itself), the action inside it and one argument (a page, an id; `0` for
 * none). Every field is checked on the way in; the category and action are checked again against the
 * registry before anything runs.
 */
export const hubData = createCallbackData('hub', { nonce: 'nonce', cat: 'word', act: 'word', arg: 'word' });

/** "Open a fresh menu" under a stale one: no nonce to check, it mints a new one. */
export const hubFreshData = createCallbackData('hubnew', {});
