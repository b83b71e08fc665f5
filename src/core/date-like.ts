/**
 * The `YYYY-MM-DD` form of a date written another common way, or undefined: `2026/12/31` and
 * `2026.12.31` (Excel and WPS exports), `2026年12月31日`, `20261231`. Only for hints in messages
 * ("did you mean 2026-12-31?"): dates are read as `YYYY-MM-DD` only, never guessed. A form that
 * names no real date (`2026/2/30`) gives none. Imports nothing, so that the message catalogue
 * may use it.
 *
 * @example
 * isoFormOf('2026/12/31'); // '2026-12-31'
 * isoFormOf('2026年3月1日'); // '2026-03-01'
 * isoFormOf('12/31/2026'); // undefined (month and day order cannot be told)
 */
export function isoFormOf(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 16) return undefined;
  const parts = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > length) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
