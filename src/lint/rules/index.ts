import type { Rule } from '../rule.js';
import { achievableTarget } from './achievable-target.js';
import { adminRoles } from './admin-roles.js';
import { channelPurpose } from './channel-purpose.js';
import { copiedTactic } from './copied-tactic.js';
import { loginHolder } from './login-holder.js';
import { kpiCount, kpiWithoutObjective, objectiveWithoutKpi } from './objective-kpis.js';
import { objectiveRelevance } from './objective-relevance.js';
import { openPoint } from './open-point.js';
import { planningCadence } from './planning-cadence.js';
import { primaryChannelShare } from './primary-channel-share.js';
import { roleOverlap } from './role-overlap.js';
import { slotOnlineTime } from './slot-online-time.js';
import { slotPersonaChannel } from './slot-persona-channel.js';
import { budgetCap } from './budget-cap.js';
import { budgetUnlinked } from './budget-unlinked.js';
import { channelCount } from './channel-count.js';
import { channelPersonas } from './channel-personas.js';
import { channelsChosen } from './channels-chosen.js';
import { competitorChannel } from './competitor-channel.js';
import { competitorCount } from './competitor-count.js';
import { compoundCurve } from './compound-curve.js';
import { contentHorizon } from './content-horizon.js';
import { contentMix } from './content-mix.js';
import { crisisHandbook } from './crisis-handbook.js';
import { dateOrder } from './date-order.js';
import { engagementSource } from './engagement-source.js';
import { fallingTarget } from './falling-target.js';
import { goalCount } from './goal-count.js';
import { goalWithoutObjective } from './goal-without-objective.js';
import { objectiveTarget } from './objective-target.js';
import { owners } from './owners.js';
import { personaShares } from './persona-shares.js';
import { pillarShares } from './pillar-shares.js';
import { postSampleSize } from './post-sample-size.js';
import { references } from './references.js';
import { reviewCadence } from './review-cadence.js';
import { smartObjective } from './smart-objective.js';
import { tacticsWithoutObjectives } from './tactics-without-objectives.js';
import { uniqueIds } from './unique-ids.js';
import { campaignLinks } from './campaign-links.js';
import { capacity } from './capacity.js';
import { kpiMeasurement } from './kpi-measurement.js';
import { goalLinks } from './goal-links.js';
import { initiativeLinks } from './initiative-links.js';

/** Every method rule: first what makes a plan readable at all, then the method's sections in order. */
export const rules: Rule[] = [
  uniqueIds,
  references,
  goalLinks,
  initiativeLinks,
  campaignLinks,
  dateOrder,
  adminRoles, // §1
  loginHolder,
  goalCount, // §2
  goalWithoutObjective,
  smartObjective,
  objectiveRelevance,
  objectiveTarget,
  compoundCurve,
  achievableTarget,
  fallingTarget,
  personaShares, // §3
  competitorCount, // §4
  competitorChannel,
  engagementSource,
  postSampleSize,
  copiedTactic,
  channelsChosen, // §6
  channelCount,
  channelPersonas,
  channelPurpose,
  primaryChannelShare,
  tacticsWithoutObjectives,
  contentHorizon, // §7
  pillarShares,
  contentMix,
  slotOnlineTime,
  slotPersonaChannel,
  objectiveWithoutKpi, // §8
  kpiWithoutObjective,
  kpiCount,
  kpiMeasurement,
  budgetCap, // §9
  budgetUnlinked,
  owners, // §10
  roleOverlap,
  planningCadence,
  capacity,
  crisisHandbook, // §11
  reviewCadence, // §12
  openPoint, // §13
];
