/**
 * Inline disables, written as ESLint and yamllint users write them, in YAML comments:
 *
 *   # smplan-disable-next-line competitor-count -- two competitors is all this market has
 *   competitors: …   # smplan-disable-line post-sample-size
 *   # smplan-disable content-horizon            (the whole file)
 *
 * With no rule id a directive covers every rule. Findings that mean the plan cannot be read or
 * computed are never suppressed. A directive that suppresses nothing is itself reported
 * (`unused-disable`), so stale ones do not pile up.
 */
import { covers, readDirectives, type Directive } from '../plan/directives.js';
import { didYouMean } from '../plan/suggest.js';
import type { Finding } from '../diagnostics.js';

export const UNUSED_DISABLE = 'unused-disable';

/** A finding a directive suppressed: only SARIF shows these (as dismissed results). */
export interface SuppressedFinding extends Finding {
  justification?: string;
}

export interface DirectiveOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Applies a plan's directives to its findings. `suppressible` says which rules a directive may
 * silence; `knownRules` is for the did-you-mean of a misspelt id.
 */
export async function applyDirectives(
  file: string,
  text: string,
  findings: readonly Finding[],
  options: { suppressible: (rule: string) => boolean; knownRules: readonly string[]; reportUnused: boolean },
): Promise<DirectiveOutcome> {
  if (!text.includes('smplan-disable')) return { findings: [...findings], suppressed: [] };
  const directives = await readDirectives(text);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const by = options.suppressible(f.rule) ? directives.find((d) => covers(d, f)) : undefined;
    if (!by) {
      kept.push(f);
      continue;
    }
    by.used.add(f.rule);
    suppressed.push({ ...f, ...(by.reason ? { justification: by.reason } : {}) });
  }
  if (options.reportUnused) {
    const known = new Set(options.knownRules);
    const suggest = boundedSuggestions(options.knownRules);
    for (const d of directives) {
      const problem = unusedMessage(d, known, options, suggest);
      if (problem)
        kept.push({
          file,
          line: d.line,
          column: d.column,
          severity: 'warning',
          rule: UNUSED_DISABLE,
          message: problem,
          path: '',
        });
    }
  }
  return { findings: kept, suppressed };
}

/** Misspelt ids a file gets a did-you-mean for; past it (a generated or hostile file) the id is only named. */
export const MAX_SUGGESTIONS = 100;

/**
 * didYouMean for one file's directives, with its work bounded in total: each distinct id is
 * looked up once, and at most MAX_SUGGESTIONS of them (each lookup is bounded by the rule ids' lengths).
 */
function boundedSuggestions(knownRules: readonly string[]): (id: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (id) => {
    if (seen.has(id)) return seen.get(id);
    if (seen.size >= MAX_SUGGESTIONS) return undefined;
    const guess = didYouMean(id, knownRules);
    seen.set(id, guess);
    return guess;
  };
}

function unusedMessage(
  d: Directive,
  known: Set<string>,
  options: { suppressible: (rule: string) => boolean },
  suggest: (id: string) => string | undefined,
): string | undefined {
  const where = d.scope === 'file' ? 'in this file' : d.scope === 'line' ? 'on this line' : 'on the next line';
  for (const id of d.rules) {
    if (!known.has(id)) {
      const guess = suggest(id);
      return `smplan-disable names an unknown rule "${id}"${guess ? `: did you mean "${guess}"?` : ''}`;
    }
    if (!options.suppressible(id))
      return `smplan-disable cannot silence "${id}": its findings mean the plan cannot be read or computed`;
  }
  if (d.rules.length === 0) return d.used.size ? undefined : `smplan-disable suppresses nothing ${where}: remove it`;
  const unused = d.rules.filter((id) => !d.used.has(id));
  if (unused.length === 0) return undefined;
  return `smplan-disable for ${unused.join(', ')} suppresses nothing ${where}: remove ${unused.length === d.rules.length ? 'it' : 'those rule ids'}`;
}
