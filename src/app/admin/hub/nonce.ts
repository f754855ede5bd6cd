import { randomBytes } from 'node:crypto';

/** 8 base64url characters (48 random bits): names one menu in its buttons' callback data. */
export const mintNonceText = (): string => randomBytes(6).toString('base64url');
