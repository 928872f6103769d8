/** `smplan init [FILE]`: the interview that writes a plan, one section at a time. */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { now } from '../clock.js';
import { FileReadError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { lintText, type PlanDraft } from '../init/check.js';
import { documentText, planDocument, replaceSectionText, SCHEMA_FILE, SECTIONS } from '../init/document.js';
import { draftPath, emptyDraft, readDraft, removeDraft, saveDraft, type Draft } from '../init/draft.js';
import { writeFileAtomic } from '../files.js';
import { askSection, interview, MINIMAL_SECTIONS, type InterviewOptions } from '../init/interview.js';
import { inquirerPrompts, type Prompts } from '../init/ask.js';
import { systemDefaults } from '../init/system.js';
import { languageOf, loadWords } from '../init/words.js';
import type { Finding } from '../diagnostics.js';
import { planJsonSchema, SCHEMA_ID } from '../plan/json-schema.js';
import {
  LOCALES,
  localeLanguage,
  METHOD_SECTIONS,
  SECTION_ORDER,
  type Locale,
  type PlanLocale,
  type SectionName,
} from '../plan/schema.js';
import { colorsFor, writeLine, type Io } from './io.js';

export interface InitOptions {
  section?: string;
  minimal?: boolean;
  resume?: boolean;
  lang?: string;
}

const NO_TERMINAL =
  '`smplan init` asks its questions in a terminal, and standard input is not one (CI, a pipe, a redirect).';
const NO_TERMINAL_HINT = [
  'Write the plan by hand instead: copy one of the plans in examples/ (shipped with smplan),',
  'check it with `smplan lint FILE`, and run `smplan schema -o plan.schema.json` for completion in your editor.',
].join('\n');

export async function run(args: string[], options: InitOptions, io: Io, injected?: Prompts): Promise<number> {
  // Contract: without a terminal, do not wait for answers that never come.
  if (!io.stdinIsTTY && !injected) throw new CLIError(NO_TERMINAL, EXIT.usage, { hint: NO_TERMINAL_HINT });
  const file = args[0] ?? 'plan.yaml';
  const target = path.resolve(io.cwd, file);
  const section = options.section;
  if (section !== undefined && !(SECTION_ORDER as readonly string[]).includes(section)) {
    throw new CLIError(`--section: unknown section "${section}"; one of: ${SECTION_ORDER.join(', ')}`, EXIT.usage);
  }

  // Checked before the first question: the draft is saved there after the first section.
  const folder = path.dirname(target);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory())
    throw new CLIError(`cannot write ${file}: the folder ${path.dirname(file)} does not exist`, EXIT.usage);
  if (
    !(await access(folder, constants.W_OK).then(
      () => true,
      () => false,
    ))
  ) {
    throw new CLIError(`cannot write ${file}: the folder ${path.dirname(file)} is not writable`, EXIT.usage);
  }
  if ((await stat(target).catch(() => undefined))?.isDirectory())
    throw new CLIError(`cannot write ${file}: it is a folder`, EXIT.usage);

  if (options.lang !== undefined && !(LOCALES as readonly string[]).includes(options.lang))
    throw new CLIError(`--lang: unknown language "${options.lang}"; one of: ${LOCALES.join(', ')}`, EXIT.usage);

  const c = colorsFor(io);
  const say = (line: string) => writeLine(io.stdout, line);
  const prompts = injected ?? inquirerPrompts(await import('@inquirer/prompts'));
  const base: InterviewOptions = {
    prompts,
    say,
    colors: c,
    defaults: systemDefaults(now(io.env)),
    words: await loadWords(),
    lang:
      (options.lang as Locale | undefined) ??
      (await planLanguage(target, section === undefined)) ??
      envLanguage(io.env),
    file,
    dir: path.dirname(target),
  };

  try {
    if (section !== undefined) return await redoSection(section as SectionName, file, target, base);
    return await fullInterview(file, target, options, base, io);
  } catch (err) {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      say('');
      if (section !== undefined) say(c.dim(`Interrupted: ${file} was not changed.`));
      else if (await exists(draftPath(target))) {
        say(
          c.dim(
            `Interrupted: ${file} was not written. The finished sections, and the answers of the one in progress, are saved in ${path.basename(draftPath(target))};`,
          ),
        );
        say(c.dim(`\`smplan init ${file} --resume\` continues from there.`));
      } else say(c.dim(`Interrupted: ${file} was not written.`));
      return EXIT.interrupted;
    }
    throw err;
  }
}

/** The questions' language from the environment: LC_ALL, LC_MESSAGES, then LANG (as gettext reads them). */
function envLanguage(env: NodeJS.ProcessEnv): Locale {
  return languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

/** The language of the interview being resumed (its draft) or of the plan a section is redone in. */
async function planLanguage(target: string, whole: boolean): Promise<Locale | undefined> {
  const plan = whole ? (await readDraft(draftPath(target)))?.plan : await readPlanMeta(target);
  const locale = (plan?.plan as { locale?: unknown } | undefined)?.locale;
  if (typeof locale !== 'string') return undefined;
  const language = localeLanguage(locale as PlanLocale);
  return (LOCALES as readonly string[]).includes(language) ? language : undefined;
}

async function readPlanMeta(target: string): Promise<PlanDraft | undefined> {
  try {
    const data = parseDocument(await readFile(target, 'utf8')).toJS() as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as PlanDraft) : undefined;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function fullInterview(
  file: string,
  target: string,
  options: InitOptions,
  o: InterviewOptions,
  io: Io,
): Promise<number> {
  const { say, colors: c, prompts } = o;
  const draftFile = draftPath(target);
  let draft: Draft | undefined;
  const saved = await readDraft(draftFile);
  if (saved) {
    const done = saved.done.length ? saved.done.join(', ') : 'none';
    if (
      options.resume ||
      (await prompts.confirm({
        message: `An unfinished interview for ${file} was saved (sections done: ${done}). Resume it?`,
        default: true,
      }))
    ) {
      draft = saved;
    }
  } else if (options.resume) {
    say(
      c.dim(
        `No saved interview for ${file} (looked for ${path.relative(io.cwd, draftFile) || draftFile}); starting a new one.`,
      ),
    );
  }
  draft ??= emptyDraft(Boolean(options.minimal));
  if (options.minimal) draft.minimal = true;

  let replace = false;
  if (await exists(target)) {
    replace = await prompts.confirm({
      message: `${file} exists. Replace it with the new plan when the interview is done?`,
      default: false,
    });
    if (!replace) {
      say(`Left ${file} as it was. To redo one section of it: smplan init ${file} --section NAME`);
      return EXIT.ok;
    }
  }

  say(
    c.bold(
      `smplan init: a social media strategy in ${draft.minimal ? 'three short' : 'fifteen'} sections, in the order of the method.`,
    ),
  );
  say(
    c.dim('Enter takes the answer in (parentheses); Ctrl-C stops, and your finished sections are kept for --resume.'),
  );
  await interview(draft, draft.minimal ? MINIMAL_SECTIONS : METHOD_SECTIONS, {
    ...o,
    saved: async (d) => saveDraft(draftFile, target, d),
  });

  const text = documentText(planDocument(draft.plan));
  const findings = await lintText(text, file, o.dir);
  if (findings.some((f) => f.severity === 'error')) return refuse(findings, file, draftFile, o);

  if (!replace && (await exists(target))) {
    // The file appeared while the interview ran.
    if (!(await prompts.confirm({ message: `${file} now exists. Replace it?`, default: false }))) {
      say(`Left ${file} as it was; your answers are kept in ${path.basename(draftFile)} (--resume).`);
      return EXIT.ok;
    }
  }
  await write(target, file, text);
  await removeDraft(draftFile);
  say('');
  say(c.green(`\u2714 Wrote ${file}.`));
  await writeEditorSchema(target, o);
  summary(findings, draft.plan, file, o);
  return EXIT.ok;
}

async function redoSection(name: SectionName, file: string, target: string, o: InterviewOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (err) {
    throw new FileReadError(file, err);
  }
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) {
    throw new CLIError(`${file} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, EXIT.invalid, {
      hint: `Run \`smplan lint ${file}\` and fix the file first.`,
    });
  }
  const data = doc.toJS() as PlanDraft | null;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new CLIError(`${file} is not a plan (no YAML mapping)`, EXIT.invalid);
  if (!Array.isArray(data.goals)) data.goals = [];
  if (name !== 'plan' && (!data.plan || typeof data.plan !== 'object')) {
    throw new CLIError(`${file} has no plan section yet`, EXIT.invalid, {
      hint: `Start with: smplan init ${file} --section plan`,
    });
  }
  const plan = await askSection(name, data, o, true);
  const out = replaceSectionText(text, doc, name, plan[name]);
  const findings = await lintText(out, file, o.dir);
  await write(target, file, out);
  o.say('');
  o.say(
    o.colors.green(
      `\u2714 Wrote the ${name} section of ${file}; the rest of the file and its comments are as they were.`,
    ),
  );
  await writeEditorSchema(target, o);
  summary(findings, plan, file, o);
  return findings.some((f) => f.severity === 'error') ? EXIT.invalid : EXIT.ok;
}

async function write(target: string, file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(target, text);
  } catch (err) {
    throw new CLIError(`cannot write ${file}: ${(err as Error).message}`, EXIT.usage, { cause: err });
  }
}

/**
 * The plan's header points the editor at plan.schema.json beside it: written when absent or
 * when it is smplan's own (same $id, perhaps older), never over someone else's file.
 */
async function writeEditorSchema(target: string, o: InterviewOptions): Promise<void> {
  const file = path.join(path.dirname(target), SCHEMA_FILE);
  const text = JSON.stringify(planJsonSchema(), null, 2) + '\n';
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === text) return;
  if (existing !== undefined && !isSmplanSchema(existing)) {
    o.say(
      o.colors.yellow(
        `Left ${SCHEMA_FILE} as it was: it is not smplan's schema. \`smplan schema -o FILE\` writes it elsewhere.`,
      ),
    );
    return;
  }
  try {
    await writeFileAtomic(file, text);
    o.say(o.colors.dim(`Wrote ${SCHEMA_FILE} beside it: your editor's completion and checks for the plan, offline.`));
  } catch (err) {
    o.say(
      o.colors.yellow(
        `Could not write ${SCHEMA_FILE} (${(err as Error).message}); the plan is written, only editor completion is missing.`,
      ),
    );
  }
}

function isSmplanSchema(text: string): boolean {
  try {
    return (JSON.parse(text) as { $id?: unknown }).$id === SCHEMA_ID;
  } catch {
    return false;
  }
}

function refuse(findings: Finding[], file: string, draftFile: string, o: InterviewOptions): number {
  o.say(o.colors.red(`The answers do not make a valid plan, so ${file} was not written:`));
  for (const f of findings.filter((x) => x.severity === 'error')) o.say(`  ${f.path}: ${f.message}`);
  o.say(`Your answers are in ${path.basename(draftFile)}; fix them with \`smplan init ${file} --resume\`.`);
  return EXIT.invalid;
}

/** What the method still asks for, and what to run next. */
function summary(findings: Finding[], plan: PlanDraft, file: string, o: InterviewOptions): void {
  const { say, colors: c } = o;
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length) say(`${file} is a valid plan: \`smplan lint\` finds no errors.`);
  else for (const f of errors) say(c.red(`  \u2716 ${f.path}: ${f.message}`));
  const empty = METHOD_SECTIONS.filter((s) => plan[s] === undefined);
  // An empty section is named once in the first line, not once per rule that misses it.
  const open = findings.filter(
    (f) => f.severity === 'warning' && !(f.path === '' && empty.length && /^no /.test(f.message)),
  );
  if (empty.length || open.length) {
    say('');
    say(c.bold('Not done yet (the method asks for it; `smplan lint` shows where):'));
    if (empty.length) say(`  - sections still empty: ${empty.map((s) => SECTIONS[s].title.toLowerCase()).join(', ')}`);
    const shown = open.slice(0, 10);
    for (const f of shown) say(`  - ${f.message}`);
    if (open.length > shown.length) say(`  - … and ${open.length - shown.length} more`);
  }
  say('');
  say(c.bold('Next:'));
  const next: [string, string][] = [
    [`smplan lint ${file}`, 'check it again after editing it'],
    [`smplan init ${file} --section NAME`, 'fill in or redo one section, e.g. competitors'],
    [`smplan render ${file} --all`, 'write the strategy folder (Markdown, HTML, PDF)'],
  ];
  const width = Math.max(...next.map(([command]) => command.length));
  for (const [command, why] of next) say(`  ${command.padEnd(width)}   ${c.dim(why)}`);
}
