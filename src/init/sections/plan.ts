/** The plan section: who the plan is for, its language, currency, time zone, period and the problem it solves. */
import { LOCALES, localeLanguage, planMeta, type PlanMeta } from '../../plan/schema.js';
import { currencies, nextMonthStart, oneYearFrom, placeDefaults, timeZones } from '../system.js';
import { type Ask, compact } from './common.js';

const LOCALE_NAMES = { en: 'English', nb: 'Norsk bokmål', bg: 'Български (Bulgarian)' } as const;

export const askPlan: Ask<'plan'> = async (ctx) => {
  const { ask, t } = ctx;
  const prev: Partial<PlanMeta> = ctx.previous ?? {};
  const shape = planMeta.shape;
  const organization = await ask.required(t('init.plan.organization'), {
    schema: shape.organization,
    default: prev.organization,
  });
  const language = await ask.choose(
    t('init.plan.locale'),
    LOCALES.map((l) => ({ value: l, name: `${l}  ${LOCALE_NAMES[l]}` })),
    // A new plan is written in the language the consultant is asked in.
    prev.locale ? localeLanguage(prev.locale) : ctx.lang,
  );
  // A regional locale (nb-NO) of the same language is kept; from here on, defaults are in this language.
  const locale = prev.locale && localeLanguage(prev.locale) === language ? prev.locale : language;
  const d = ctx.words[language];
  const place = placeDefaults(language, ctx.defaults);
  const currency = await ask.choose(
    t('init.plan.currency'),
    currencies(prev.currency ?? place.currency).map((c) => ({ value: c })),
    prev.currency ?? place.currency,
  );
  const zone = prev.timezone ?? place.timezone;
  const timezone = await ask.choose(
    t('init.plan.timezone'),
    timeZones(zone).map((z) => ({ value: z })),
    zone,
  );
  const base = { title: organization, ...prev, organization, locale, currency, timezone };
  const probe = (field: keyof PlanMeta, meta: PlanMeta) => ctx.errors({ ...ctx.plan, plan: meta }, ['plan', field]);
  const start = await ask.date(t('init.plan.start'), {
    default: prev.start ?? nextMonthStart(ctx.defaults.today),
    check: (v) => probe('start', { ...base, start: v, end: oneYearFrom(v) }),
  });
  const end = await ask.date(t('init.plan.end'), {
    default: prev.end && prev.end > start ? prev.end : oneYearFrom(start),
    check: (v) => probe('end', { ...base, start, end: v }),
  });
  const title = await ask.required(t('init.plan.title'), {
    schema: shape.title,
    default: prev.title ?? d('init.default.title', { organization, years: yearsOf(start, end) }),
  });
  ctx.say(`  ${t('init.plan.problem_why')}`);
  const problem = await ask.text(t('init.plan.problem'), {
    schema: shape.problem,
    default: prev.problem,
    optional: true,
  });
  const business_goals = await ask.list(t('init.plan.business_goals'), {
    schema: shape.business_goals,
    default: prev.business_goals,
  });
  return compact({ ...prev, title, organization, locale, currency, timezone, start, end, problem, business_goals });
};

/** "2027" for a calendar-year plan, "2026/27" for one that spans two years. */
function yearsOf(start: string, end: string): string {
  const [a, b] = [start.slice(0, 4), end.slice(0, 4)];
  return a === b ? a : `${a}/${b.slice(2)}`;
}
