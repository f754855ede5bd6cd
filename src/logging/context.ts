import { asyncSlot } from '../app/system/async-scope.ts';

/** Fields every log line written inside a unit of handling carries (`update_id`, `req_id`). */
export type LogFields = Readonly<Record<string, string | number>>;

const slot = asyncSlot<LogFields>();

/**
 * Runs `fn` with `fields` added to every log line written inside it, by any logger of the process
 * (the logger's mixin reads them): one update's or one request's lines can be found by its id, whatever
 * part of the code wrote them. Nested calls add to the outer fields.
 */
export function withLogFields<T>(fields: LogFields, fn: () => T): T {
  return slot.run({ ...slot.get(), ...fields }, fn);
}

/** The fields of the handling this code runs in (empty outside any). */
export function logFields(): LogFields {
  return slot.get() ?? {};
}

/** Runs `fn` outside any handling's fields (work it starts belongs to no request or update). */
export function withoutLogFields<T>(fn: () => T): T {
  return slot.run(undefined, fn);
}
