/**
 * What an ejected template may rely on, read from the code: the helpers (src/render/template-helpers.ts),
 * the data a template receives (RenderContext in src/render/context.ts) and the catalogue keys the
 * built-in templates and helpers use. Written to docs/templates.md by scripts/templates-doc.mjs;
 * test/render/template-api.test.ts holds it to docs/template-api.json, the list of what was promised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { TEMPLATE_HELPERS } from '../src/render/template-helpers.js';

/** The promised names: what is in use, and what was taken away with a note for template writers. */
export interface TemplateApi {
  helpers: string[];
  keys: string[];
  /** Families of keys a template builds from a prefix (`category.*`, `kpi.progress_one*`). */
  families: string[];
  removed: { helpers: Record<string, string>; keys: Record<string, string> };
}

export const API_FILE = 'docs/template-api.json';
export const DOC_FILE = 'docs/templates.md';

export function readApi(root: string): TemplateApi {
  return JSON.parse(readFileSync(path.join(root, API_FILE), 'utf8')) as TemplateApi;
}

/** The built-in chapter and partial templates, by their path under templates/. */
export function builtinTemplates(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const folder of ['chapters', 'partials']) {
    const dir = path.join(root, 'templates', folder);
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.hbs')) out.set(`${folder}/${name}`, readFileSync(path.join(dir, name), 'utf8'));
  }
  return out;
}

const OPEN = String.raw`(?:\{\{~?|\()\s*`;
const STRING = `(?:"([^"]*)"|'([^']*)')`;

/**
 * The catalogue keys templates name: `t "key"` exactly; `enum "prefix" value` and
 * `t (concat "prefix" …)` as families; `open "part"` as the part's topic and question.
 */
export function catalogueKeysUsed(sources: Iterable<string>): { keys: Set<string>; families: Set<string> } {
  const keys = new Set<string>();
  const families = new Set<string>();
  const each = (text: string, pattern: string, use: (value: string) => void) => {
    for (const m of text.matchAll(new RegExp(pattern, 'g'))) use(m[1] ?? m[2] ?? '');
  };
  for (const text of sources) {
    each(text, `${OPEN}t\\s+${STRING}`, (key) => keys.add(key));
    each(text, `${OPEN}t\\s+\\(\\s*concat\\s+${STRING}`, (prefix) => families.add(`${prefix}*`));
    each(text, `${OPEN}enum\\s+${STRING}`, (prefix) => families.add(`${prefix}.*`));
    each(text, `${OPEN}open\\s+${STRING}`, (part) => {
      keys.add(`open.${part}.topic`);
      keys.add(`open.${part}.asks`);
    });
  }
  return { keys, families };
}

/** Helper names, keys and families as the code and the built-in templates have them now, sorted. */
export function liveApi(root: string): Pick<TemplateApi, 'helpers' | 'keys' | 'families'> {
  const used = catalogueKeysUsed(builtinTemplates(root).values());
  for (const h of Object.values(TEMPLATE_HELPERS) as { keys?: readonly string[] }[])
    for (const key of h.keys ?? []) (key.endsWith('*') ? used.families : used.keys).add(key);
  const sorted = (set: Iterable<string>) => [...set].sort();
  return { helpers: sorted(Object.keys(TEMPLATE_HELPERS)), keys: sorted(used.keys), families: sorted(used.families) };
}

export interface ContextField {
  name: string;
  optional: boolean;
  type: string;
  doc: string;
}

/** The members of an interface in a source file, with their types as written and their doc comments. */
export function interfaceFields(root: string, file: string, name: string): ContextField[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!found) throw new Error(`${file}: no interface ${name}`);
  return found.members.filter(ts.isPropertySignature).map((m) => ({
    name: m.name.getText(source),
    optional: m.questionToken !== undefined,
    type: (m.type?.getText(source) ?? 'unknown').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' '),
    doc: ts
      .getJSDocCommentsAndTags(m)
      .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  }));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;

/** docs/templates.md. */
export function templatesDoc(root: string, api: TemplateApi): string {
  const live = liveApi(root);
  const context = interfaceFields(root, 'src/render/context.ts', 'RenderContext');
  const chapterRef = interfaceFields(root, 'src/render/context.ts', 'ChapterRef');
  const helpers = Object.entries(TEMPLATE_HELPERS).sort(([a], [b]) => a.localeCompare(b));
  const signature = (h: { args: readonly string[]; hash?: readonly string[] }) =>
    [...h.args, ...(h.hash ?? []).map((a) => (a.startsWith('...') ? 'any name=value' : a.replace(/\??: /, '=')))]
      .map(code)
      .join(', ') || '(none)';
  const byPrefix = new Map<string, string[]>();
  for (const key of live.keys) {
    const prefix = key.includes('.') ? key.slice(0, key.indexOf('.')) : key;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), key]);
  }
  const removed = [
    ...Object.entries(api.removed.helpers).map(([name, note]) => `- helper ${code(name)}: ${note}`),
    ...Object.entries(api.removed.keys).map(([key, note]) => `- key ${code(key)}: ${note}`),
  ];
  return [
    '# Templates',
    '',
    '`smplan templates eject DIR` copies the built-in templates to DIR; `smplan render PLAN --templates DIR`',
    'then uses a file from DIR wherever one of the same name exists (`chapters/SLUG.md.hbs`,',
    '`partials/NAME.hbs`, `document/…`) and the built-in one elsewhere; `DIR/locales/<lang>.json`',
    'replaces single messages of the catalogue. Templates are [Handlebars](https://handlebarsjs.com/)',
    'and write Markdown. What this page lists is what an ejected template can rely on: a helper or a',
    'catalogue key is not taken away without a note under [Removed](#removed).',
    '',
    'Generated by `npm run docs` from `src/render/template-helpers.ts`, `src/render/context.ts` and the',
    `built-in templates; \`test/render/template-api.test.ts\` holds the code to \`${API_FILE}\`.`,
    '',
    '## What a template receives',
    '',
    '- `chapters/SLUG.md.hbs`: the render context below, with `chapter` (this chapter: ' +
      chapterRef.map((f) => code(f.name)).join(', ') +
      ') and `chapterOpenPoints` (the open points of this chapter).',
    '- `chapters/readme.md.hbs`: the render context, with no `chapter`.',
    '- `partials/NAME.hbs`: whatever `{{> NAME …}}` passes; `@root` is the render context.',
    '',
    'Plan text is untrusted: print it through a helper (`md`, `cell`, `block`, `list` …), which escapes',
    'it as Markdown. A bare `{{value}}` is HTML-escaped by Handlebars, never printed as markup.',
    'Dates are ISO strings (`2027-03-01`); fractions are 0–1 (`pct` prints them as per cent).',
    '`plan` is the plan as `schema/plan.schema.json` describes it, its optional parts possibly absent.',
    '',
    '| field | type | what it is |',
    '| --- | --- | --- |',
    ...context.map((f) => `| ${code(f.name + (f.optional ? '?' : ''))} | ${code(f.type)} | ${cell(f.doc)} |`),
    '',
    '## Helpers',
    '',
    '`markdown` helpers print Markdown they escaped themselves; `value` helpers give a value for',
    '`#if`, `#each` or another helper: `{{#if (has plan.goals)}}`, `{{list (names budget.cut)}}`.',
    'Arguments: `name?` may be left out, `...name` takes any number, `name=type` is named and may be left out.',
    '',
    `| helper | arguments | gives | what it does | catalogue keys it reads |`,
    '| --- | --- | --- | --- | --- |',
    ...helpers.map(
      ([name, h]) =>
        `| <a id="${name}"></a>${code(name)} | ${signature(h)} | ${h.returns} | ${cell(h.description)} | ${((h as { keys?: readonly string[] }).keys ?? []).map(code).join(', ')} |`,
    ),
    '',
    '## Catalogue keys',
    '',
    'The keys the built-in templates and the helpers use, in `locales/en.json`, `nb.json` and',
    '`bg.json`. A family (`prefix.*`) is every key with that prefix, as a template builds it from a',
    'value: `{{enum "category" line.category}}`, `{{t (concat "intro." chapter.slug)}}`. A message with',
    'plural forms is stored as `key.one`, `key.other` …; a template names it `key` and passes `count`.',
    '',
    `Families: ${live.families.map(code).join(', ')}.`,
    '',
    ...[...byPrefix].map(([prefix, keys]) => `- **${prefix}**: ${keys.map(code).join(', ')}`),
    '',
    '## Removed',
    '',
    ...(removed.length ? removed : ['Nothing yet.']),
    '',
  ].join('\n');
}
