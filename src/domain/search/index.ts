export * from './payment-query.ts';
