// Escaping and tables for the Markdown report. Every piece of text that comes from the input
// (names, titles, explanations) goes through `md` or `html` before it reaches the page.

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for HTML elements such as `<summary>`: `& < > "` as entities, line breaks as spaces.
 *
 * @example
 * html('a<b'); // 'a&lt;b'
 */
export function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Text for Markdown, safe in a paragraph, a list item or a table cell: `& < >` as entities, Markdown punctuation escaped with a backslash (so `*`, `_`, `|` or `[x](y)` in a
 * name never format anything), line breaks as `<br>`.
 *
 * @example
 * md('a|b *c*'); // 'a\\|b \\*c\\*'
 */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/\r\n|\r|\n/g, '<br>');
}

// A CommonMark code span (spec 6.1) around text on one line. Backslash escapes do not work inside
// a code span, so the text cannot be escaped: the fence is a run of backticks longer than any run
// inside, so that none closes the span early. A space pads text that starts or ends with a
// backtick (it would join the fence) and text that starts and ends with a space (a span strips one
// from each end); the renderer strips the padding, so the text reads exactly as given.
function codeSpan(text: string): string {
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '');
  return pad ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * Inline code for ids and codes in a paragraph or a list item, never in a table (see
 * {@link codeCell}): the text exactly as given, backticks and `|` included (a CommonMark code span
 * with a fence longer than any backtick run inside); line breaks as spaces. Empty text gives `''`.
 *
 * @example
 * code('br-office'); // '`br-office`'
 * code('derelict|`v2`'); // '`` derelict|`v2` ``' (renders as derelict|`v2`)
 */
export function code(text: string): string {
  return codeSpan(text.replace(/\r\n|\r|\n/g, ' '));
}

/**
 * Inline code for a table cell: as {@link code}, with each `|` written `\|`. GFM splits a row
 * into cells before it reads code spans, and takes exactly one backslash out before each `|` it
 * keeps in a cell (the tables extension: "include a pipe in a cell's content by escaping it,
 * including inside other inline spans"; cmark-gfm's `unescape_pipes`), so the span holds the `|`
 * and the text reads as given, a backslash before the `|` included.
 *
 * @example
 * codeCell('a|b'); // '`a\\|b`' (in a table cell, renders as a|b)
 */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/**
 * Column alignment: `l` left, `r` right (numbers).
 *
 * @example
 * table(['名称', '得分'], rows, ['l', 'r'] satisfies Align[]);
 */
export type Align = 'l' | 'r';

/**
 * A GitHub-flavoured Markdown table. Cells are written as given: escape them with {@link md}.
 * An empty cell becomes `—` so that columns stay readable.
 *
 * @example
 * table(['名称', '得分'], [['机关第一党支部', '95.05']], ['l', 'r']);
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? '—' : c)).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * A section heading at a level (2 = `##`).
 *
 * @example
 * heading(2, '概况'); // '## 概况'
 */
export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}
