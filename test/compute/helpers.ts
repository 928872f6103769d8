import type { Objective, Plan } from '../../src/plan/schema.js';

/** A minimal valid plan (types only; the compute functions take parsed plans). */
export function planWith(parts: Partial<Plan> = {}, meta: Partial<Plan['plan']> = {}): Plan {
  return {
    smplan: 1,
    plan: {
      title: 'Test plan',
      organization: 'Test AS',
      locale: 'en',
      currency: 'NOK',
      timezone: 'Europe/Oslo',
      start: '2027-01-01',
      end: '2027-12-31',
      ...meta,
    },
    goals: [{ id: 'g', statement: 'A goal', priority: 'primary' }],
    ...parts,
  };
}

export function objective(o: Partial<Objective> = {}): Objective {
  return { id: 'o', goal: 'g', metric: 'followers', baseline: 100, target: 200, deadline: '2027-12-31', ...o };
}
