export * from './accounts.ts';
export * from './settings.ts';
export * from './catalog.ts';
export * from './updates.ts';
export * from './system.ts';
export * from './ledger.ts';
export * from './relay.ts';
export * from './admin.ts';
