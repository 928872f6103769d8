import type { SectionName } from '../../plan/schema.js';
import { defineRule, type RuleReport } from '../rule.js';

/** What a finished plan has, in the method's order, with the question each section answers. */
const FINISHED_PLAN: readonly [SectionName, string][] = [
  ['situation', 'where do we stand (internal, external, SWOT, channel audit)?'],
  ['audience', 'who are the personas, and where and when are they online?'],
  ['competitors', 'what do the 3–5 main competitors do, and how engaged are their fans?'],
  ['positioning', 'how do we want to be seen in conversation?'],
  ['channels', 'which primary and secondary networks, with which tactics?'],
  ['content', 'which content, when and how often?'],
  ['kpis', 'which numbers do we follow, and how often?'],
  ['budget', 'what does it cost in a year, against which cap?'],
  ['team', 'who does what, and when?'],
];

/** A plan in progress sees what is still open (contract: a missing section is a warning). */
export const missingSection = defineRule({
  id: 'missing-section',
  severity: 'warning',
  method: '§13 Put everything in writing',
  description: `A finished plan has every section: ${FINISHED_PLAN.map(([s]) => s).join(', ')} (crisis and review have rules of their own).`,
  check(plan) {
    const reports: RuleReport[] = [];
    for (const [section, question] of FINISHED_PLAN) {
      if (plan[section] === undefined) reports.push({ path: [], message: `no ${section} section yet: ${question}` });
    }
    return reports;
  },
});
