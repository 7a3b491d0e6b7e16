import { describe, expect, it } from 'vitest';
import { dayFormatFor, parseTypedDay } from './DayInput';

describe('a typed calendar day', () => {
  it('is read the way each language writes it, and the ISO day the API uses is always understood', () => {
    expect(parseTypedDay('7. 12. 2026', 'sl')).toBe('2026-12-07');
    expect(parseTypedDay('7.12.2026', 'sl')).toBe('2026-12-07');
    expect(parseTypedDay(' 1. 9. 26 ', 'sl')).toBe('2026-09-01');
    expect(parseTypedDay('2026-09-30', 'sl')).toBe('2026-09-30');
    expect(parseTypedDay('7 Dec 2026', 'en')).toBe('2026-12-07');
    expect(parseTypedDay('07/12/2026', 'en')).toBe('2026-12-07');
    expect(parseTypedDay('Dec 7, 2026', 'en')).toBe('2026-12-07');
  });

  it('is not a day when the day does not exist or the writing is not one the language uses', () => {
    expect(parseTypedDay('31. 2. 2026', 'sl')).toBeNull();
    expect(parseTypedDay('12/31/2026', 'en')).toBeNull();
    expect(parseTypedDay('7 Dec 2026', 'sl')).toBeNull();
    expect(parseTypedDay('tomorrow', 'en')).toBeNull();
  });

  it('is shown day first in both languages, never month first', () => {
    expect(dayFormatFor('sl').shown).toBe('D. M. YYYY');
    expect(dayFormatFor('en').shown.startsWith('D ')).toBe(true);
  });
});
