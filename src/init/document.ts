/**
 * The plan as a commented YAML document: built fresh for a new plan, or edited in
 * place (`--section`) so that the user's own comments and other sections survive.
 */
import { Document, isMap, isPair, isScalar, isSeq, visit, YAMLMap, type Node, type Pair, type Scalar } from 'yaml';
import { planSchema, SECTION_ORDER, type SectionName } from '../plan/schema.js';
import type { PlanDraft } from './check.js';

export interface SectionInfo {
  title: string;
  /** The comment written above the section in the plan file. */
  comment: string;
}

/** Titles and file comments in English (the CLI's language); the interview's own words are in locales/*.json. */
export const SECTIONS: Record<SectionName, SectionInfo> = {
  plan: {
    title: 'The plan',
    comment: 'The plan: who it is for, the language of the rendered documents, currency, time zone and period.',
  },
  situation: {
    title: 'Situation',
    comment: 'Situation analysis (method §1): internal and external factors, SWOT, and the audit of existing profiles.',
  },
  goals: {
    title: 'Business goals',
    comment: 'Business goals (method §2): at most two primary and two secondary.',
  },
  objectives: {
    title: 'SMART objectives',
    comment:
      'SMART objectives (method §2): metric, baseline, target (a number or "+50%") and deadline; the KPI milestones come from these.',
  },
  audience: {
    title: 'Audience',
    comment: 'Audience personas (method §3): who we target, where and when they are online.',
  },
  competitors: {
    title: 'Competitors',
    comment:
      'Competitor research (method §4): engagement rate = likes + comments + shares of the sampled posts / followers.',
  },
  positioning: {
    title: 'Positioning',
    comment: 'Social positioning (method §5).',
  },
  channels: {
    title: 'Channels',
    comment: 'Channels and their role (method §6): primary and secondary networks, who runs them.',
  },
  content: {
    title: 'Content',
    comment: 'Content strategy and publishing plan (method §7): pillars and recurring slots (weekday, local time).',
  },
  kpis: {
    title: 'KPIs',
    comment: 'KPIs (method §8): what is measured, how often and with which tool.',
  },
  budget: {
    title: 'Budget',
    comment: 'Budget (method §9): yearly cap and items; over the cap, items are kept in order of ROI time frame.',
  },
  team: {
    title: 'Team',
    comment: 'People and process (method §10): roles and recurring tasks.',
  },
  crisis: {
    title: 'Crisis handbook',
    comment: 'Crisis handbook (method §11): triggers and severity levels with who approves the response.',
  },
  review: {
    title: 'Review',
    comment: 'Follow-up (method §12): when the plan is reviewed against what happened, and by whom.',
  },
  tools: {
    title: 'Tools',
    comment: 'Tools (method §2, POST: technology).',
  },
  governance: {
    title: 'Governance',
    comment: 'Scope and governance: what this strategy covers and does not, who owns it, how and when it is revised.',
  },
  initiatives: {
    title: 'Initiatives',
    comment: 'Initiatives: programmes and workstreams that sit on no single channel, with actions, owners and dates.',
  },
  partners: {
    title: 'Partners',
    comment: 'Partners and influencers: who, what for, in which campaigns, and how paid content is disclosed.',
  },
  campaigns: {
    title: 'Campaigns',
    comment: 'Campaigns and events, recurring (every September) or undated, with their channels and partners.',
  },
  policies: {
    title: 'Policies',
    comment: 'Policies: accessibility, language, privacy, licensing, AI, moderation and conduct.',
  },
};

/** The editor's schema is a file beside the plan (written by init), so completion and checks work offline. */
export const SCHEMA_FILE = 'plan.schema.json';

const HEADER = [
  ` yaml-language-server: $schema=${SCHEMA_FILE}`,
  ' A social media strategy plan written by `smplan init`. Check it with `smplan lint`.',
  ` ${SCHEMA_FILE} beside it gives your editor completion and checks for this format;`,
  ` \`smplan schema -o ${SCHEMA_FILE}\` writes it again after an upgrade.`,
].join('\n');

/** The plan's data in the method's order, `smplan: 1` first. */
export function ordered(draft: PlanDraft): Record<string, unknown> {
  // Through the schema, every entry's keys come in the schema's order, as `smplan lint` reads them back.
  const parsed = planSchema.safeParse(draft);
  const plan = (parsed.success ? parsed.data : draft) as Record<string, unknown>;
  const out: Record<string, unknown> = { smplan: 1 };
  for (const name of SECTION_ORDER) if (plan[name] !== undefined) out[name] = plan[name];
  return out;
}

/** A new commented document for a whole plan. */
export function planDocument(plan: PlanDraft): Document {
  const doc = new Document(ordered(plan));
  doc.commentBefore = HEADER;
  const map = doc.contents as YAMLMap;
  for (const pair of map.items) decorate(pair, false);
  styleScalars(doc);
  return doc;
}

/** Puts one section into an existing document, keeping every comment and every other section. */
export function setSection(doc: Document, name: SectionName, value: unknown): void {
  const map = doc.contents;
  if (!isMap(map)) throw new Error('the plan is not a YAML mapping');
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === name);
  if (value === undefined) {
    if (existing) map.items.splice(map.items.indexOf(existing), 1);
    return;
  }
  const node = doc.createNode(value);
  if (existing) {
    existing.value = node;
  } else {
    const rank = SECTION_ORDER.indexOf(name);
    const pair = doc.createPair(name, node) as Pair<Scalar, unknown>;
    decorate(pair, true);
    const after = map.items.findIndex((p) => {
      const key = isScalar(p.key) ? String(p.key.value) : '';
      const r = SECTION_ORDER.indexOf(key as SectionName);
      return r > rank;
    });
    if (after === -1) map.items.push(pair);
    else map.items.splice(after, 0, pair);
  }
  styleScalars(doc);
}

/**
 * The file's text with one section replaced and every byte outside it as it was (comments,
 * their spacing, blank lines). Inside the section, the nodes of entries that survive are
 * reused, so their comments stay too. `doc` is the document parsed from `text`.
 */
export function replaceSectionText(text: string, doc: Document, name: SectionName, value: unknown): string {
  const map = doc.contents;
  if (!isMap(map)) throw new Error('the plan is not a YAML mapping');
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === name) as
    | Pair<Scalar, Node | null>
    | undefined;
  if (!existing || !existing.key.range) {
    // A new section goes before the next one in the method's order (and the comment above that one).
    const after = map.items.find(
      (p) => isScalar(p.key) && SECTION_ORDER.indexOf(String(p.key.value) as SectionName) > SECTION_ORDER.indexOf(name),
    );
    if (value === undefined) return text;
    const pair = doc.createPair(name, value) as Pair<Scalar, unknown>;
    decorate(pair, true);
    const section = pairText(pair, true);
    if (!after || !isScalar(after.key) || !after.key.range) return `${text.replace(/\n*$/, '\n')}\n${section}`;
    const at = commentStart(text, lineStart(text, after.key.range[0]));
    return `${text.slice(0, at)}${section}\n${text.slice(at)}`;
  }
  const from = lineStart(text, existing.key.range[0]);
  let end = existing.value?.range?.[1] ?? existing.key.range[1];
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  const eol = text.indexOf('\n', end);
  const to = eol === -1 ? text.length : eol;
  if (value === undefined) return text.slice(0, from) + text.slice(to === text.length ? to : to + 1);
  existing.value = merged(doc, existing.value, value);
  return text.slice(0, from) + pairText(existing, false).replace(/\n$/, '') + text.slice(to);
}

/** One top-level pair as the file writes it; without the comment above its key unless asked. */
function pairText(pair: Pair, withComment: boolean): string {
  const key = pair.key as Scalar;
  const [comment, space] = [key.commentBefore, key.spaceBefore];
  if (!withComment) [key.commentBefore, key.spaceBefore] = [undefined, false];
  const one = new Document(new YAMLMap());
  (one.contents as YAMLMap).items.push(pair as Pair<unknown, unknown>);
  styleScalars(one);
  const out = documentText(one);
  (one.contents as YAMLMap).items.length = 0;
  [key.commentBefore, key.spaceBefore] = [comment, space];
  return out;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the comment lines directly above the line at `offset` begin. */
function commentStart(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const prev = lineStart(text, at - 1);
    if (at === 0 || !/^#/.test(text.slice(prev, at))) return at;
    at = prev;
  }
}

/** The new value in the old node where the two agree, so comments on what survives stay. */
function merged(doc: Document, node: Node | null | undefined, value: unknown): Node {
  if (isMap(node) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    node.items = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === k);
        if (!pair) return doc.createPair(k, v);
        pair.value = merged(doc, pair.value as Node | null, v);
        return pair;
      });
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const old = [...node.items] as Node[];
    // Entries are matched by id or name (a reordered list keeps its comments), else by position.
    const label = (v: unknown) =>
      v && typeof v === 'object'
        ? ((v as { id?: unknown; name?: unknown }).id ?? (v as { name?: unknown }).name)
        : undefined;
    node.items = value.map((v, i) => {
      const wanted = label(v);
      const match = wanted !== undefined ? old.find((n) => label(n.toJSON()) === wanted) : old[i];
      return match ? merged(doc, match, v) : doc.createNode(v);
    });
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    return node;
  }
  return doc.createNode(value) as Node;
}

function decorate(pair: Pair, force: boolean): void {
  if (!isPair(pair) || !isScalar(pair.key)) return;
  const info = SECTIONS[String(pair.key.value) as SectionName];
  if (!info) return;
  if (force || !pair.key.commentBefore) pair.key.commentBefore = ` ${info.comment}`;
  pair.key.spaceBefore = true;
}

/** Times are quoted ("07:30": unquoted, YAML 1.1 tools read it as a number); relative targets too. */
function styleScalars(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      if (/^\d{2}:\d{2}$/.test(node.value) || /^[+-]\d+(\.\d+)?\s?%$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
}

export function documentText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}
