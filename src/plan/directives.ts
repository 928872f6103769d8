/**
 * The inline disable comments of a plan (`# smplan-disable-next-line RULE -- why`), read with the
 * YAML lexer: lint applies them to its findings, and the document prints an open point silenced
 * with a reason as that decision.
 */
import type { Finding } from '../diagnostics.js';

type Scope = 'file' | 'line' | 'next-line';

export interface Directive {
  scope: Scope;
  /** Empty: every rule. */
  rules: string[];
  reason?: string;
  /** 1-based line and column of the comment. */
  line: number;
  column: number;
  /** The line whose findings it covers (line scopes). */
  target: number;
  used: Set<string>;
}

const DIRECTIVE = /^#\s*smplan-disable(-next-line|-line)?(?=\s|$)(.*)$/;

/** The directives in a plan's comments, read with the YAML lexer so text in quotes or block scalars never counts. */
export async function readDirectives(text: string): Promise<Directive[]> {
  // The lexer comes with `yaml`, which a plan without directives never needs to load.
  const { Lexer } = await import('./syntax.js');
  const out: Directive[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    // Single control characters mark documents and scalars; they are not source text.
    const control = token.length === 1 && token < ' ' && token !== '\n' && token !== '\t';
    if (!control) {
      // A comment is a '#' token that does not follow the scalar marker (a block scalar's text may start with '#').
      if (token.startsWith('#') && previous !== '\u001f') {
        const m = DIRECTIVE.exec(token);
        if (m) {
          const [body, reason] = splitReason(m[2] ?? '');
          const scope: Scope = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
          out.push({
            scope,
            rules: body.split(/[\s,]+/).filter(Boolean),
            ...(reason ? { reason } : {}),
            line,
            column: offset - lineStart + 1,
            target: scope === 'next-line' ? line + 1 : line,
            used: new Set(),
          });
        }
      }
      for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
        line++;
        lineStart = offset + i + 1;
      }
      offset += token.length;
    }
    previous = token;
  }
  return out;
}

/** `RULE, RULE -- why` → ['RULE, RULE', 'why']. */
function splitReason(text: string): [string, string | undefined] {
  const at = text.indexOf('--');
  if (at === -1) return [text.trim(), undefined];
  return [text.slice(0, at).trim(), text.slice(at + 2).trim() || undefined];
}

/** The directive that covers a finding, by its rule and line. */
export function covers(d: Directive, f: Pick<Finding, 'rule' | 'line'>): boolean {
  if (d.rules.length && !d.rules.includes(f.rule)) return false;
  return d.scope === 'file' || f.line === d.target;
}
