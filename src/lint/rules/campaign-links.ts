import { listOf } from '../../plan/decisions.js';
import { idCheck, planIdChecks } from '../id-check.js';
import { defineRule, type RuleReport } from '../rule.js';

/** Campaigns and partners name each other, their channels and objectives; budget items the campaigns they fund. */
export const campaignLinks = defineRule({
  id: 'campaign-links',
  severity: 'error',
  method: '§7 Content: campaigns and events, with their partners',
  description:
    'Every partner a campaign names is defined under partners and every campaign a partner or budget item names is defined under campaigns; the objectives a campaign serves exist, and so do the channels of campaigns and partners once the plan has a channels section.',
  check(plan) {
    const reports: RuleReport[] = [];
    const partner = idCheck(reports, 'partner', 'partners', new Set(listOf(plan.partners).map((p) => p.id)));
    const campaign = idCheck(reports, 'campaign', 'campaigns', new Set(listOf(plan.campaigns).map((c) => c.id)));
    const { objective, channel } = planIdChecks(reports, plan);
    listOf(plan.campaigns).forEach((c, i) => {
      c.partners?.forEach((p, j) => partner(p, ['campaigns', i, 'partners', j]));
      c.objectives?.forEach((o, j) => objective(o, ['campaigns', i, 'objectives', j]));
      c.channels?.forEach((ch, j) => channel(ch, ['campaigns', i, 'channels', j]));
    });
    listOf(plan.partners).forEach((p, i) => {
      p.campaigns?.forEach((c, j) => campaign(c, ['partners', i, 'campaigns', j]));
      p.channels?.forEach((ch, j) => channel(ch, ['partners', i, 'channels', j]));
    });
    plan.budget?.items?.forEach((item, i) =>
      item.campaigns?.forEach((c, j) => campaign(c, ['budget', 'items', i, 'campaigns', j])),
    );
    return reports;
  },
});
