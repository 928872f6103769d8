import type { Plan } from '../../plan/schema.js';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/**
 * Does the persona not use the channel, as far as the plan says? They use it when their own
 * channels (audience.personas[].channels) or the channel's personas (channels[].personas) name
 * it; a plan that records neither for them is not judged. An unknown persona is references' error.
 */
export function personaOffChannel(
  plan: Pick<Plan, 'audience' | 'channels'>,
  personaId: string,
  channel: string,
): boolean {
  const persona = listOf(plan.audience?.personas).find((p) => p.id === personaId);
  if (!persona) return false;
  const own = listOf(persona.channels).map((c) => c.channel);
  const reached = listOf(plan.channels).find((c) => c.id === channel)?.personas;
  if (own.includes(channel) || reached?.includes(personaId)) return false;
  return own.length > 0 || reached !== undefined;
}

/** Seed 004: a post is for someone who is there; a slot for a persona who does not use its channel reaches no one. */
export const slotPersonaChannel = defineRule({
  id: 'slot-persona-channel',
  severity: 'warning',
  method: '§3 People, §7 Content (seed 004: publish where your people are)',
  description:
    "A publishing slot for one persona (slot.persona) is on a channel that persona uses: one of the persona's channels (audience.personas[].channels) or one whose personas list names them (channels[].personas). A persona for whom the plan records neither is not judged; a slot for all personas is not judged.",
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.content?.slots).forEach((slot, i) => {
      if (slot.persona === undefined || !personaOffChannel(plan, slot.persona, slot.channel)) return;
      const persona = listOf(plan.audience?.personas).find((p) => p.id === slot.persona)!;
      const own = listOf(persona.channels).map((c) => c.channel);
      reports.push({
        path: ['content', 'slots', i, 'persona'],
        message: `the ${slot.channel} slot is for ${persona.name}, who does not use ${slot.channel}${own.length ? ` (${persona.name}: ${own.join(', ')})` : ''}: post where your people are, or choose the channel's personas`,
      });
    });
    return reports;
  },
});
