/** `smplan init [FILE]`: the interview that writes a plan, one section at a time. */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { now } from '../clock.js';
import { FileReadError } from '../errors.js';
import { CLIError, EXIT } from './errors.js';
import { lintText, type PlanDraft } from '../init/check.js';
import { findingText } from '../init/findings.js';
import { documentText, planDocument, replaceSectionText, SCHEMA_FILE } from '../init/document.js';
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
  const words = await loadWords();
  const lang =
    (options.lang as Locale | undefined) ?? (await planLanguage(target, section === undefined)) ?? envLanguage(io.env);
  // The prompts' key help (↑↓ navigate) in the interview's language too.
  const prompts =
    injected ?? inquirerPrompts(await import('@inquirer/prompts'), (action) => words[lang](`init.keys.${action}`));
  const base: InterviewOptions = {
    prompts,
    say,
    colors: c,
    defaults: systemDefaults(now(io.env)),
    words,
    lang,
    file,
    dir: path.dirname(target),
  };

  try {
    if (section !== undefined) return await redoSection(section as SectionName, file, target, base);
    return await fullInterview(file, target, options, base, io);
  } catch (err) {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      const t = base.words[base.lang];
      say('');
      if (section !== undefined) say(c.dim(t('init.cli.interrupted_unchanged', { file })));
      else if (await exists(draftPath(target))) {
        say(c.dim(t('init.cli.interrupted_saved', { file, draft: path.basename(draftPath(target)) })));
        say(c.dim(t('init.cli.resume_hint', { file })));
      } else say(c.dim(t('init.cli.interrupted', { file })));
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
  const t = o.words[o.lang];
  // Yes and no as the interview's other questions say them: (j/N) in Norwegian.
  const confirm = (message: string, fallback: boolean) => {
    const [yes, no] = [t('init.ask.yes'), t('init.ask.no')];
    return prompts.confirm({ message, default: fallback, yes, no, refused: t('init.ask.yes_or_no', { yes, no }) });
  };
  const draftFile = draftPath(target);
  let draft: Draft | undefined;
  const saved = await readDraft(draftFile);
  if (saved) {
    const done = saved.done.length ? saved.done.join(', ') : t('init.cli.none');
    if (options.resume || (await confirm(t('init.cli.resume_question', { file, done }), true))) {
      draft = saved;
    }
  } else if (options.resume) {
    say(c.dim(t('init.cli.no_draft', { file, draft: path.relative(io.cwd, draftFile) || draftFile })));
  }
  draft ??= emptyDraft(Boolean(options.minimal));
  if (options.minimal) draft.minimal = true;

  let replace = false;
  if (await exists(target)) {
    replace = await confirm(t('init.cli.replace', { file }), false);
    if (!replace) {
      say(t('init.cli.left', { file }));
      return EXIT.ok;
    }
  }

  say(c.bold(t(draft.minimal ? 'init.cli.intro_minimal' : 'init.cli.intro_full')));
  say(c.dim(t('init.cli.keys')));
  await interview(draft, draft.minimal ? MINIMAL_SECTIONS : METHOD_SECTIONS, {
    ...o,
    saved: async (d) => saveDraft(draftFile, target, d),
  });

  const text = documentText(planDocument(draft.plan));
  const findings = await lintText(text, file, o.dir);
  if (findings.some((f) => f.severity === 'error')) return refuse(findings, file, draftFile, o);

  if (!replace && (await exists(target))) {
    // The file appeared while the interview ran.
    if (!(await confirm(t('init.cli.now_exists', { file }), false))) {
      say(t('init.cli.left_kept', { file, draft: path.basename(draftFile) }));
      return EXIT.ok;
    }
  }
  await write(target, file, text);
  await removeDraft(draftFile);
  say('');
  say(c.green(`\u2714 ${t('init.cli.wrote', { file })}`));
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
  const t = o.words[o.lang];
  o.say(
    o.colors.green(
      `\u2714 ${t('init.cli.wrote_section', { section: t(`init.section.${name}.title`).toLowerCase(), file })}`,
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
  const t = o.words[o.lang];
  const text = JSON.stringify(planJsonSchema(), null, 2) + '\n';
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === text) return;
  if (existing !== undefined && !isSmplanSchema(existing)) {
    o.say(o.colors.yellow(t('init.cli.schema_foreign', { schema: SCHEMA_FILE })));
    return;
  }
  try {
    await writeFileAtomic(file, text);
    o.say(o.colors.dim(t('init.cli.schema_wrote', { schema: SCHEMA_FILE })));
  } catch (err) {
    o.say(o.colors.yellow(t('init.cli.schema_failed', { schema: SCHEMA_FILE, reason: (err as Error).message })));
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
  const t = o.words[o.lang];
  o.say(o.colors.red(t('init.cli.refused', { file })));
  for (const f of findings.filter((x) => x.severity === 'error')) o.say(`  ${f.path}: ${f.message}`);
  o.say(t('init.cli.refused_fix', { file, draft: path.basename(draftFile) }));
  return EXIT.invalid;
}

/** What the method still asks for, and what to run next. */
function summary(findings: Finding[], plan: PlanDraft, file: string, o: InterviewOptions): void {
  const { say, colors: c } = o;
  const t = o.words[o.lang];
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length) say(t('init.cli.valid', { file }));
  else for (const f of errors) say(c.red(`  \u2716 ${f.path}: ${f.message}`));
  const empty = METHOD_SECTIONS.filter((s) => plan[s] === undefined);
  // An empty section is named once in the first line, not once per rule that misses it.
  const open = findings.filter(
    (f) => f.severity === 'warning' && !(f.path === '' && empty.length && /^no /.test(f.message)),
  );
  if (empty.length || open.length) {
    say('');
    say(c.bold(t('init.cli.not_done')));
    if (empty.length) {
      const sections = empty.map((s) => t(`init.section.${s}.title`).toLowerCase()).join(', ');
      say(`  - ${t('init.cli.empty_sections', { sections })}`);
    }
    const shown = open.slice(0, 10);
    const region = (plan.plan as { locale?: PlanLocale } | undefined)?.locale ?? o.defaults.locale;
    for (const f of shown) say(`  - ${findingText(f, plan, t, region)}`);
    if (open.length > shown.length) say(`  - ${t('init.cli.more', { n: open.length - shown.length })}`);
  }
  say('');
  say(c.bold(t('init.cli.next')));
  const next: [string, string][] = [
    [`smplan lint ${file}`, t('init.cli.next_lint')],
    [`smplan init ${file} --section NAME`, t('init.cli.next_section')],
    [`smplan render ${file} --all`, t('init.cli.next_render')],
  ];
  const width = Math.max(...next.map(([command]) => command.length));
  for (const [command, why] of next) say(`  ${command.padEnd(width)}   ${c.dim(why)}`);
}
