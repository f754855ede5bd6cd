export { InvalidDurationError } from './errors.ts';
export { isPassActive, passRemaining, extendPass, cutPass } from './time-pass.ts';
export { formatDuration, durationParts, type DurationUnit, parseDuration } from './duration.ts';
