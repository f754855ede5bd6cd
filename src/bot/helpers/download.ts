import type { Api } from 'grammy';

/**
 * A file someone sent the bot, read into memory (at most `maxBytes`; Telegram tells the size first):
 * null when it is bigger, gone, or cannot be fetched. The URL holds the bot's token: it is never logged
 * or shown (only whether it worked).
 */
export async function downloadFile(api: Api, fileId: string, maxBytes: number): Promise<Buffer | null> {
  try {
    const file = await api.getFile(fileId);
    if (!file.file_path || (file.file_size !== undefined && file.file_size > maxBytes)) return null;
    const root = api.options?.apiRoot ?? 'https://api.telegram.org';
    const res = await fetch(`${root}/file/bot${api.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length <= maxBytes ? bytes : null;
  } catch {
    return null;
  }
}
