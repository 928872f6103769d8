/**
 * Runs the sections in the method's order over a draft plan. After each section
 * the plan so far goes through lint: new errors send the user through the section
 * again, warnings within it are shown as notes, and the draft is saved.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding, PlanPath } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import { localeLanguage, SECTION_ORDER, type Locale, type SectionName } from '../plan/schema.js';
import { Asker, recording, type Prompts } from './ask.js';
import { errorsFor, lintDraft, within, type PlanDraft } from './check.js';
import type { Draft } from './draft.js';
import { findingText, refusalText } from './findings.js';
import { runSection, type DraftPlan, type SectionContext } from './sections/index.js';
import type { SystemDefaults } from './system.js';
import type { Words } from './words.js';

export const MINIMAL_SECTIONS: SectionName[] = ['plan', 'goals', 'objectives'];

export interface InterviewOptions {
  prompts: Prompts;
  say: (line: string) => void;
  colors: ChalkInstance;
  defaults: SystemDefaults;
  /** Every language's interview words (locales/*.json, init.*). */
  words: Record<Locale, Words>;
  /** The language the questions are asked in (`--lang`). */
  lang: Locale;
  /** The plan file as the user named it (in messages) and its folder (posts_csv is read from there). */
  file: string;
  dir: string;
  /** Called after every finished section; a draft saved here survives Ctrl-C. */
  saved?: (draft: Draft) => Promise<void>;
}

const key = (f: Finding) => `${f.path}\u0000${f.message}`;

type AfterSection = 'keep' | 'redo' | 'back';

/**
 * Asks the sections not yet done in `draft`, in the method's order, each headed by where it
 * stands (section n of m). At each section's end the user keeps it, redoes it, or goes back
 * one (its answers are the defaults); the draft is saved after every kept section.
 */
export async function interview(draft: Draft, sections: readonly SectionName[], o: InterviewOptions): Promise<Draft> {
  const order = SECTION_ORDER.filter((name) => sections.includes(name));
  for (let i = 0; i < order.length; ) {
    const name = order[i]!;
    if (draft.done.includes(name)) {
      i++;
      continue;
    }
    // Answers of this section so far: kept in the draft when Ctrl-C interrupts it.
    const answers: Record<string, unknown> = {};
    const remembered = draft.partial?.section === name ? draft.partial.answers : undefined;
    try {
      draft.plan = await askSection(
        name,
        draft.plan,
        { ...o, prompts: recording(o.prompts, answers, remembered) },
        false,
        { n: i + 1, of: order.length },
      );
    } catch (err) {
      if (err instanceof Error && err.name === 'ExitPromptError' && Object.keys(answers).length) {
        draft.partial = { section: name, answers: { ...remembered, ...answers } };
        await o.saved?.(draft);
      }
      throw err;
    }
    draft.partial = undefined;
    const t = o.words[o.lang];
    const next = await o.prompts.select<AfterSection>({
      message: t('init.done', { section: t(`init.section.${name}.title`) }),
      choices: [
        { value: 'keep', name: t('init.keep') },
        { value: 'redo', name: t('init.redo') },
        ...(i > 0
          ? [
              {
                value: 'back' as const,
                name: t('init.back', { section: t(`init.section.${order[i - 1]!}.title`).toLowerCase() }),
              },
            ]
          : []),
      ],
      default: 'keep',
    });
    if (next === 'redo') continue;
    if (next === 'back') {
      // The previous section is asked again, then this one: its answers stay as the defaults.
      draft.done = draft.done.filter((s) => s !== order[i - 1]);
      i--;
      continue;
    }
    draft.done = [...draft.done, name];
    await o.saved?.(draft);
    i++;
  }
  return draft;
}

/** Asks one section (again) and returns the plan with it in place. */
export async function askSection(
  name: SectionName,
  plan: PlanDraft,
  o: InterviewOptions,
  focused: boolean,
  progress?: { n: number; of: number },
): Promise<PlanDraft> {
  const { say, colors: c } = o;
  const t = o.words[o.lang];
  // Numbers are read and shown back in the plan's language (the plan section sets it; none are asked there).
  const held: DraftPlan = plan;
  const region = held.plan?.locale ?? o.defaults.locale;
  const planLocale = localeLanguage(region);
  const ask = new Asker(o.prompts, say, planLocale, t, region, c.yellow);
  ask.redo = plan[name] !== undefined;
  const title = t(`init.section.${name}.title`);
  say('');
  say(
    c.bold(`\u2500\u2500 ${title} \u2500\u2500`) +
      (progress ? c.dim(` ${t('init.progress', { n: progress.n, of: progress.of })}`) : ''),
  );
  for (const line of t(`init.section.${name}.why`).split('\n')) say(c.dim(line));
  // Errors the plan has already (a hand-edited file) are not the answers' fault.
  const known = new Set((await lintDraft(plan, o.file, o.dir)).filter((f) => f.severity === 'error').map(key));
  const fresh = (findings: Finding[]) => findings.filter((f) => !known.has(key(f)));
  // An entry's errors and then its notes are asked of the same candidate: lint it once.
  let last: { candidate: PlanDraft; findings: Promise<Finding[]> } | undefined;
  const lint = (candidate: PlanDraft) => {
    if (last?.candidate !== candidate) last = { candidate, findings: lintDraft(candidate, o.file, o.dir) };
    return last.findings;
  };
  let previous = held[name];
  for (;;) {
    const ctx: SectionContext = {
      ask,
      say,
      plan: { ...plan },
      previous,
      defaults: o.defaults,
      focused,
      errors: async (candidate, field, entry, withWarnings) => {
        const findings = fresh(await lint(candidate));
        const at = formatPath(field);
        const messages = errorsFor(findings, field, entry).map((f) => refusalText(f, candidate, t, region, at));
        if (withWarnings)
          messages.push(
            ...findings
              .filter((f) => f.severity === 'warning' && f.path === at)
              .map((f) => findingText(f, candidate, t, region)),
          );
        return messages.length ? [...new Set(messages)].join('; ') : undefined;
      },
      notes: async (candidate, entry) =>
        notes(
          say,
          c,
          (f) => t('init.note', { message: findingText(f, candidate, t, region) }),
          await lint(candidate),
          entry,
        ),
      t,
      d: o.words[planLocale],
      lang: o.lang,
      locale: planLocale,
      words: o.words,
    };
    const value = await runSection(name, ctx);
    const next: PlanDraft = { ...plan };
    if (value === undefined) delete next[name];
    else next[name] = value;
    const problems = fresh(await lintDraft(next, o.file, o.dir)).filter((f) => f.severity === 'error');
    if (problems.length === 0) return next;
    for (const f of problems) say(c.red(`  \u2716 ${f.path || name}: ${refusalText(f, next, t, region, f.path)}`));
    say(`  ${t('init.once_more', { section: title.toLowerCase() })}`);
    // The answer lint refused, offered again; askers return plain data of their section's shape.
    previous = value as typeof previous;
  }
}

/**
 * Warnings that a later section of the interview resolves, and those said (and kept) right
 * after the answer.
 */
const LATER = new Set([
  'missing-section',
  'goal-without-objective',
  'tactics-without-objectives',
  'channels-chosen',
  'achievable-target',
  'budget-cap',
  'slot-persona-channel',
]);

function notes(
  say: (line: string) => void,
  c: ChalkInstance,
  told: (f: Finding) => string,
  findings: Finding[],
  entry: PlanPath,
): void {
  const at = formatPath(entry);
  for (const f of findings) {
    // What later sections will answer is the closing summary's business, not a note on this answer.
    if (f.severity === 'warning' && within(f.path, at) && !LATER.has(f.rule)) say(c.yellow(`  ${told(f)}`));
  }
}
