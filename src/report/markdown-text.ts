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

/**
 * Inline code for ids and codes; a backtick inside is dropped rather than breaking the span.
 *
 * @example
 * code('br-office'); // '`br-office`'
 */
export function code(text: string): string {
  return `\`${text.replace(/`/g, '').replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|')}\``;
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
