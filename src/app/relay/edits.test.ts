import { describe, expect, it } from 'vitest';
import { noteText } from './edits.ts';

describe('noteText', () => {
  it('puts the label (italic) on its own line and moves the entities with it', () => {
    expect(noteText('✏️ edited:', 'see you at 6', [{ type: 'bold', offset: 11, length: 1 }])).toEqual({
      text: '✏️ edited:\nsee you at 6',
      entities: [
        { type: 'italic', offset: 0, length: '✏️ edited:'.length },
        { type: 'bold', offset: 11 + '✏️ edited:\n'.length, length: 1 },
      ],
    });
  });

  it('counts the label in the reader’s language', () => {
    const { text, entities } = noteText('✏️ изменено:', 'x', []);
    expect(text).toBe('✏️ изменено:\nx');
    expect(entities).toEqual([{ type: 'italic', offset: 0, length: '✏️ изменено:'.length }]);
  });

  it('cuts a text too long for one message, dropping the entities past the cut', () => {
    const body = 'a'.repeat(5000);
    const { text, entities } = noteText('✏️ edited:', body, [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'bold', offset: 4090, length: 5 },
    ]);
    expect(text.length).toBe(4096);
    expect(text.endsWith('…')).toBe(true);
    expect(entities.map((e) => e.offset)).toEqual([0, '✏️ edited:\n'.length]);
  });
});
