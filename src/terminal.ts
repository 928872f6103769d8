/**
 * Plan text on a terminal: control characters and bidirectional overrides are shown, not obeyed,
 * as git and ESLint show them (ESC as \x1b, U+202E as <U+202E>). Otherwise a plan could set the
 * window title, move the cursor, hide text or reverse a line in `smplan kpi` or a CI log.
 */
const CONTROL = String.raw`\u0000-\u0008\u000b-\u001f\u007f-\u009f`;
const BIDI = String.raw`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`;
const UNSAFE = new RegExp(String.raw`\x1b\[[0-9;]*m|[${CONTROL}]|[${BIDI}]`, 'g');
const UNSAFE_CHAR = new RegExp(`[${CONTROL}${BIDI}]`, 'g');

/**
 * The colour codes smplan's own output uses (chalk at level 1): reset, bold, dim, their end, the
 * eight colours, their bright forms and the end of a colour. Any other SGR (hidden text 8, blink,
 * reverse, 256 colours) can only come from plan text, and is shown, not obeyed.
 */
const OWN_SGR = /^\x1b\[(?:0|1|2|22|3[0-7]|39|9[0-7])m$/;

/** `sgr`: keep smplan's own colour codes (a colour is all they can change). Newlines and tabs stay. */
export function visible(text: string, options: { sgr?: boolean } = {}): string {
  return text.replace(UNSAFE, (m) => {
    if (m.length > 1) return options.sgr && OWN_SGR.test(m) ? m : `\\x1b${m.slice(1)}`;
    const code = m.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * JSON text (a data format: every character of a value is kept) with the characters `visible`
 * shows written as \u escapes, so the raw bytes never reach a terminal or a log that prints it.
 */
export function jsonVisible(json: string): string {
  return json.replace(UNSAFE_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
