import { describe, expect, it } from 'vitest';
import { tr } from '../support/i18n.ts';

const media = (m: Partial<Record<'photos' | 'videos' | 'files' | 'tracks', number>>) => ({
  photos: 0,
  videos: 0,
  files: 0,
  tracks: 0,
  ...m,
});

describe('premium content and history texts', () => {
  it('content-media names what an item holds, with each language’s plural forms', () => {
    expect(tr('en', 'content-media', media({ photos: 2, videos: 1 }))).toBe('2 photos, 1 video');
    expect(tr('en', 'content-media', media({ photos: 1 }))).toBe('1 photo');
    expect(tr('en', 'content-media', media({ videos: 3 }))).toBe('3 videos');
    expect(tr('en', 'content-media', media({ files: 1 }))).toBe('1 file');
    expect(tr('en', 'content-media', media({ tracks: 2 }))).toBe('2 audio tracks');
    expect(tr('ru', 'content-media', media({ files: 1 }))).toBe('1 файл');
    expect(tr('ru', 'content-media', media({ files: 3 }))).toBe('3 файла');
    expect(tr('ru', 'content-media', media({ files: 5 }))).toBe('5 файлов');
    expect(tr('ru', 'content-media', media({ files: 21 }))).toBe('21 файл');
    expect(tr('ru', 'content-media', media({ tracks: 2 }))).toBe('2 аудиотрека');
    expect(tr('ru', 'content-media', media({ photos: 3, videos: 1 }))).toBe('3 фото, 1 видео');
    expect(tr('es', 'content-media', media({ photos: 1, videos: 2 }))).toBe('1 foto, 2 vídeos');
    expect(tr('pt-BR', 'content-media', media({ tracks: 1 }))).toBe('1 faixa de áudio');
  });

  it('credits in Russian: one, few, many', () => {
    expect(tr('ru', 'content-button-unlock', { credits: 1 })).toBe('🔓 Открыть за 1 кредит');
    expect(tr('ru', 'content-button-unlock', { credits: 4 })).toBe('🔓 Открыть за 4 кредита');
    expect(tr('ru', 'content-button-unlock', { credits: 11 })).toBe('🔓 Открыть за 11 кредитов');
    expect(tr('ru', 'history-detail-credits', { count: 22 })).toBe('22 кредита');
  });

  it('the list footer names the page only when there are several', () => {
    expect(tr('en', 'content-footer', { page: 1, pages: 1, total: 1 })).not.toContain('page');
    expect(tr('en', 'content-footer', { page: 2, pages: 3, total: 12 })).toContain(
      ' · page 2 of 3 (12 items)',
    );
    expect(tr('ru', 'content-footer', { page: 1, pages: 21, total: 101 })).toContain('страница 1 из 21');
  });

  it('history totals mention what was taken back only when something was', () => {
    const totals = { purchased: 1, spent: 2, gifted: 3, returned: 4 };
    expect(tr('en', 'history-totals', { ...totals, takenBack: 0 })).toBe(
      'Bought 1 · spent 2 · gifts/bonus 3 · refunded 4',
    );
    expect(tr('en', 'history-totals', { ...totals, takenBack: 2 })).toBe(
      'Bought 1 · spent 2 · gifts/bonus 3 · refunded 4 · taken back 2',
    );
  });
});
