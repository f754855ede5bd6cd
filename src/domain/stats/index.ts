export { isTimeZone, startOfLocalDay, statWindows } from './days.ts';
export * from './analytics.ts';
