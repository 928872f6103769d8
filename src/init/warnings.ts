/**
 * Warnings said right after an answer, in the interview's language: an answer lint would warn
 * about, judged by the rule's own computation (never a second copy of its threshold), or an
 * address that is not one. The user then keeps the answer or changes it.
 */
import * as z from 'zod';
import { budgetPlan } from '../compute/budget.js';
import { MAX_DECREASE, MAX_GROWTH, unrealisticChange } from '../lint/rules/achievable-target.js';
import { personaOffChannel } from '../lint/rules/slot-persona-channel.js';
import { listOf } from '../plan/decisions.js';
import type { Budget, Objective, Plan, PlanLocale } from '../plan/schema.js';
import { createFormatter } from '../render/format.js';
import type { Words } from './words.js';

/** The plan's figures as its language writes them (1 000 kr, +400 %). */
export function planFormat(meta: { locale?: PlanLocale; currency?: string } | undefined, fallback: PlanLocale) {
  return createFormatter(meta?.locale ?? fallback, meta?.currency ?? 'EUR');
}

type Format = ReturnType<typeof planFormat>;

/** A target beyond what is realistic (the achievable-target rule's limits). */
export function targetWarning(
  t: Words,
  fmt: Format,
  o: Pick<Objective, 'baseline' | 'target' | 'unit'>,
): string | undefined {
  const beyond = unrealisticChange(o);
  if (!beyond) return undefined;
  const change = `${beyond.change > 0 ? '+' : ''}${fmt.percent(beyond.change, 0)}`;
  const params = {
    change,
    from: fmt.measure(o.baseline, o.unit, { bare: true }),
    to: fmt.measure(beyond.target, o.unit, { bare: true }),
  };
  return beyond.too === 'high'
    ? t('init.warn.target_high', { ...params, max: `+${fmt.percent(MAX_GROWTH, 0)}` })
    : t('init.warn.target_low', { ...params, max: fmt.percent(MAX_DECREASE, 0) });
}

/** A budget whose items cost more a year than its cap (the budget-cap rule's computation). */
export function budgetWarning(
  t: Words,
  fmt: Format,
  budget: Budget,
  plan: Pick<Plan, 'objectives' | 'channels'>,
): string | undefined {
  if (budget.cap === undefined) return undefined;
  const { total, over_by } = budgetPlan(budget, plan);
  if (over_by <= 0) return undefined;
  return t('init.warn.budget_over', { total: fmt.money(total), over: fmt.money(over_by), cap: fmt.money(budget.cap) });
}

/** A slot for a persona on a channel that persona does not use (the slot-persona-channel rule). */
export function slotPersonaWarning(
  t: Words,
  plan: Pick<Plan, 'audience' | 'channels'>,
  personaId: string,
  channel: string,
): string | undefined {
  if (!personaId || !personaOffChannel(plan, personaId, channel)) return undefined;
  const persona = listOf(plan.audience?.personas).find((p) => p.id === personaId)!;
  const own = listOf(persona.channels).map((c) => c.channel);
  return t(own.length ? 'init.warn.slot_persona_uses' : 'init.warn.slot_persona', {
    name: persona.name,
    channel,
    channels: own.join(', '),
  });
}

const EMAIL = z.email();

/** An e-mail address that is not one (post@firma,no). */
export function emailWarning(t: Words, text: string): string | undefined {
  return EMAIL.safeParse(text.trim()).success ? undefined : t('init.warn.email', { text: text.trim() });
}

const WEB_ADDRESS = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/**
 * A profile written as a web address that is not one (facebook,com/firma). A name (`@firma`,
 * `firma.no` without a path) is not judged: a handle may be either.
 */
export function addressWarning(t: Words, text: string): string | undefined {
  const value = text.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!scheme && !value.includes('/') && !/^www\./i.test(value)) return undefined;
  if (value.startsWith('@')) return undefined;
  return WEB_ADDRESS.safeParse(scheme ? value : `https://${value}`).success
    ? undefined
    : t('init.warn.address', { text: value });
}
