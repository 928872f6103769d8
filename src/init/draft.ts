/** The interview's answers saved after each section, so an interrupted interview can resume. */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { writeFileAtomic } from '../files.js';
import { SECTION_ORDER, type SectionName } from '../plan/schema.js';
import type { PlanDraft } from './check.js';

export interface Draft {
  minimal: boolean;
  /** Sections answered (or skipped) so far. */
  done: SectionName[];
  plan: PlanDraft;
  /** The answers given so far in a section that Ctrl-C interrupted: the defaults when it is asked again. */
  partial?: { section: SectionName; answers: Record<string, unknown> } | undefined;
}

/** `.plan.yaml.draft.yaml` beside `plan.yaml`: hidden, and never mistaken for the plan. */
export function draftPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.draft.yaml`);
}

export function emptyDraft(minimal: boolean): Draft {
  return { minimal, done: [], plan: { smplan: 1, goals: [] } };
}

export async function readDraft(file: string): Promise<Draft | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = parse(text) as {
      smplan_init_draft?: number;
      minimal?: unknown;
      done?: unknown;
      plan?: unknown;
      partial?: { section?: unknown; answers?: unknown };
    };
    if (data?.smplan_init_draft !== 1 || !data.plan || typeof data.plan !== 'object') return undefined;
    const done = (Array.isArray(data.done) ? data.done : []).filter((s): s is SectionName => SECTION_ORDER.includes(s));
    const plan = data.plan as PlanDraft;
    if (!Array.isArray(plan.goals)) plan.goals = [];
    plan.smplan = 1;
    const p = data.partial;
    const partial =
      p && SECTION_ORDER.includes(p.section as SectionName) && p.answers && typeof p.answers === 'object'
        ? { section: p.section as SectionName, answers: p.answers as Record<string, unknown> }
        : undefined;
    return { minimal: data.minimal === true, done, plan, ...(partial ? { partial } : {}) };
  } catch {
    return undefined;
  }
}

export async function saveDraft(file: string, target: string, draft: Draft): Promise<void> {
  const header = `# smplan init: unfinished answers for ${path.basename(target)}.\n# \`smplan init ${path.basename(target)} --resume\` continues; delete this file to start over.\n`;
  const body = stringify({
    smplan_init_draft: 1,
    minimal: draft.minimal,
    done: draft.done,
    plan: draft.plan,
    ...(draft.partial ? { partial: draft.partial } : {}),
  });
  await writeFileAtomic(file, header + body);
}

export async function removeDraft(file: string): Promise<void> {
  await rm(file, { force: true });
}
