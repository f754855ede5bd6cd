export { type RateRule, type RateDecision, windowStart, decide } from './fixed-window.ts';
