import { DomainError } from '../shared/index.ts';

/** A duration that is not a positive safe integer number of seconds (or a non-finite ms value). */
export class InvalidDurationError extends DomainError<'invalid_duration'> {
  readonly value: unknown;

  constructor(value: unknown) {
    super('invalid_duration', `invalid duration: ${String(value)}`);
    this.value = value;
  }
}
