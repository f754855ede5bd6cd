export { isTimeZone, startOfLocalDay, statWindows } from './days.ts';
