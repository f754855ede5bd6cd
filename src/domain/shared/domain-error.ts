/**
 * Base class for rule violations the domain reports by throwing.
 *
 * Invariant: `code` is a stable snake_case identifier. Adapters map it to an i18n key or an HTTP status,
 * so a code never changes once shipped; `message` is free text for logs and may change at will.
 *
 * Expected outcomes (not enough credits, banned fan) are returned as `{ ok: false, code }` values instead;
 * throwing is for inputs that break an invariant and indicate a bug upstream.
 */
export class DomainError<C extends string = string> extends Error {
  readonly code: C;

  constructor(code: C, message: string, options?: ErrorOptions) {
    super(message, options);
    // Subclass name in stack traces and logs without every subclass repeating it.
    this.name = new.target.name;
    this.code = code;
  }
}

/** Narrows an unknown thrown value to a {@link DomainError}, e.g. in an adapter's error boundary. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
