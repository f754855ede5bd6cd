import { describe, expect, it } from 'vitest';
import { columns } from './columns.ts';

describe('columns: rows as columns for a statement over arrays', () => {
  it("gives each key's values in the rows' order, nulls kept", () => {
    expect(
      columns([
        { id: 1, text: 'a' },
        { id: 2, text: null },
      ]),
    ).toEqual({ id: [1, 2], text: ['a', null] });
  });

  it('refuses no rows (there would be no keys to give the statement)', () => {
    expect(() => columns([])).toThrow(/no rows/);
  });
});
