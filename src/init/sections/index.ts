/**
 * The interview's sections, in the order of method.md, one module each. Each asker returns the
 * section's value, or undefined when the user skips it.
 */
import type { SectionName } from '../../plan/schema.js';
import { askAudience } from './audience.js';
import { askBudget } from './budget.js';
import { askCampaigns } from './campaigns.js';
import { askChannels } from './channels.js';
import { type Ask, orDecided, type SectionContext } from './common.js';
import { askCompetitors } from './competitors.js';
import { askContent } from './content.js';
import { askCrisis } from './crisis.js';
import { askGoals } from './goals.js';
import { askGovernance } from './governance.js';
import { askInitiatives } from './initiatives.js';
import { askKpis } from './kpis.js';
import { askObjectives } from './objectives.js';
import { askPartners } from './partners.js';
import { askPlan } from './plan.js';
import { askPolicies } from './policies.js';
import { askPositioning } from './positioning.js';
import { askReview } from './review.js';
import { askSituation } from './situation.js';
import { askTeam } from './team.js';
import { askTools } from './tools.js';

export type { Ask, DraftPlan, SectionContext } from './common.js';

/**
 * Every section's questions, in SECTION_ORDER. The optional sections (governance, initiatives,
 * partners, campaigns, policies) are asked only with `--section` and ask themselves whether they apply.
 */
const ASKERS: { [K in SectionName]: Ask<K> } = {
  plan: askPlan,
  situation: orDecided(askSituation),
  audience: orDecided(askAudience),
  goals: askGoals,
  objectives: orDecided(askObjectives),
  competitors: orDecided(askCompetitors),
  positioning: orDecided(askPositioning),
  channels: orDecided(askChannels),
  initiatives: askInitiatives,
  partners: askPartners,
  content: orDecided(askContent),
  campaigns: askCampaigns,
  policies: askPolicies,
  kpis: orDecided(askKpis),
  budget: orDecided(askBudget),
  team: orDecided(askTeam),
  crisis: orDecided(askCrisis),
  review: orDecided(askReview),
  tools: orDecided(askTools),
  governance: askGovernance,
};

/** Asks section `name`: its value, or undefined when the user skips it. */
export function runSection<K extends SectionName>(name: K, ctx: SectionContext<K>): Promise<unknown> {
  const ask: Ask<K> = ASKERS[name];
  return ask(ctx);
}
