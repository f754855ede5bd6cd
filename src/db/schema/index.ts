export * from './accounts.ts';
export * from './settings.ts';
export * from './catalog.ts';
export * from './updates.ts';
export * from './system.ts';
export * from './ledger.ts';
export * from './relay.ts';
export * from './admin.ts';
export * from './payments.ts';
export * from './content.ts';
export * from './rate-limits.ts';
export * from './groups.ts';
export * from './team.ts';
export * from './flows.ts';
export * from './hub.ts';
export * from './conversations.ts';

export * from './users-admin.ts';
export * from './quick-replies.ts';

export * from './errors.ts';
export * from './campaigns.ts';
export * from './search.ts';
