/**
 * Plan text is data: it must come out of the Markdown (and the HTML made from it) as the
 * literal text the user wrote, never as markup, links, HTML or template code. Every plan
 * string reaches a template through one of these functions.
 */

/**
 * Characters that can start or end Markdown syntax inside a line: emphasis, code, links
 * and images, raw HTML and autolinks, entities, tables, strikethrough. A backslash makes
 * each one literal (CommonMark §2.4), which keeps the raw file readable.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/**
 * Markdown that only counts at the start of a line: headings, quotes, list items (a marker
 * followed by a space or the end), rules and setext underlines. 8.5 or -30% stay as they are.
 */
const LINE_START = /^(\s*)(#|>|[-+=](?=\s|$|[-=]*$)|\d+[.)](?=\s|$))/;

/** Characters that are not text: controls (except tab/newline), bidi overrides that disguise text, our GENERATED mark. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\uE000]/g;

function escapeLine(line: string): string {
  // Leading spaces would make an indented code block; the start-of-line marker gets a backslash.
  return escapeLineStart(line.replace(INLINE_SPECIAL, '\\$&').trimStart());
}

/**
 * Text we generate ourselves (a date, a number) can start a line or a list item, where
 * `2. mars 2027` would open a numbered list. Helpers mark where such text starts; once the
 * chapter is rendered, a marked text at the start of a line or list item gets a backslash
 * before its block marker (shown as the plain character), elsewhere (a table cell, mid
 * sentence) it stays as formatted.
 */
const GENERATED = '\uE000';

export function markGenerated(text: string): string {
  return text === '' ? '' : GENERATED + text;
}

/** Whatever stands before a marked text on its line: nothing but indentation, list and quote markers. */
const BLOCK_PREFIX = /^(?:[ \t]*(?:[-*+]|\d+[.)]|>)(?=[ \t]|$))*[ \t]*$/;

export function settleGenerated(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.includes(GENERATED)) return line;
      return line.replace(
        new RegExp(`${GENERATED}([^${GENERATED}]*)`, 'g'),
        (_whole: string, text: string, at: number) =>
          BLOCK_PREFIX.test(line.slice(0, at).replaceAll(GENERATED, '')) ? escapeLineStart(text) : text,
      );
    })
    .join('\n');
}

export function escapeLineStart(text: string): string {
  return text.replace(
    LINE_START,
    (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
}

function clean(text: unknown): string {
  if (text === undefined || text === null) return '';
  return String(text).replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** One line of text, e.g. inside a sentence, a list item or a heading: line breaks become spaces. */
export function escapeInline(text: unknown): string {
  return escapeLine(
    clean(text)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
}

/** A table cell: as inline text (pipes already escaped), with line breaks folded into the cell. */
export function escapeCell(text: unknown): string {
  const value = escapeInline(text);
  return value === '' ? ' ' : value;
}

/**
 * A longer text that may hold paragraphs (blank lines) and line breaks, as the user wrote it.
 * Each line is escaped; single line breaks are kept as hard breaks so the layout survives.
 */
export function escapeBlock(text: unknown): string {
  return clean(text)
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line.trim()))
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A link target we build ourselves (chapter files, chart files): spaces and brackets encoded. */
export function linkTarget(relative: string): string {
  return encodeURI(relative).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
