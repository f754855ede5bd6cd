import { createHash } from 'node:crypto';

/**
 * A UUID (version-5 layout) derived from a key. pg-boss inserts jobs with `ON CONFLICT DO NOTHING`, so a
 * job whose id comes from its key exists once however often it is enqueued (while pg-boss keeps it).
 */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
