/**
 * Characters an input may hold that a terminal or a log would not show as they are: C0 and C1
 * control characters (a line break, NUL, ESC), the line and paragraph separators, the byte order
 * mark, and the bidirectional controls that reorder what is shown (the "Trojan Source" ones).
 */
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
// The same characters, to test for without a global regex's `lastIndex`.
const UNSEEN_ANY = new RegExp(UNSEEN.source);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A text with each character a terminal would not show as it is (C0 and C1 controls, U+2028, U+2029, U+FEFF, the bidirectional controls) written as a
 * visible escape: `\n`, `\r`, `\t`, else `\uXXXX`. Everything else, Chinese text included, is
 * left as it is. A value quoted into a message then stays on its line and shows what it holds: a
 * CSV cell with a line break does not break the one-problem-per-line output, and a right-to-left
 * override cannot make a message read otherwise than it is.
 *
 * @example
 * visible('2022-01-05\r'); // '2022-01-05\\r'
 * visible('a\u0000b'); // 'a\\u0000b'
 * visible('党支部'); // '党支部'
 */
export function visible(text: string): string {
  if (!UNSEEN_ANY.test(text)) return text;
  return text.replace(UNSEEN, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
