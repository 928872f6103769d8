/**
 * A deliberate "no": a section or list stated `not_applicable` with a reason is a decision, not an
 * open point; the readiness line counts its chapter as complete; an open point silenced inline
 * with a reason is read back for the document.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readiness } from '../../../src/lint/readiness.js';
import { missingParts, openPoints, silencedOpenPoints } from '../../../src/plan/open-points.js';
import { loadPlan } from '../../../src/plan/load.js';
import { FIXTURES, completePlan, lintChanged, summarise } from '../helpers.js';

const REASON = 'We are a public body: we compare ourselves with peers, not competitors';

describe('not_applicable', () => {
  it('every object section and list may state it instead of its content, with no finding', async () => {
    for (const section of ['situation', 'positioning', 'budget', 'team', 'crisis', 'review', 'competitors', 'tools']) {
      const findings = await lintChanged((p) => (p[section] = { not_applicable: REASON }));
      expect(summarise(findings), section).toEqual([]);
    }
    expect(summarise(await lintChanged((p) => (p.content.slots = { not_applicable: REASON })))).toEqual([]);
    expect(
      summarise(
        await lintChanged(
          (p) => ((p.policies = { not_applicable: REASON }), (p.governance = { not_applicable: REASON })),
        ),
      ),
    ).toEqual([]);
  });

  it('the reason is the decision: the part is missing but not open', async () => {
    const plan = completePlan();
    plan.competitors = { not_applicable: REASON };
    const outcome = await loadPlan({ file: 'plan.yaml', text: Buffer.from(stringify(plan)), dir: FIXTURES });
    expect(openPoints(outcome.loaded!.plan)).toEqual([]);
    expect(missingParts(outcome.loaded!.plan).map((p) => [p.key, p.decision])).toEqual([['competitors', REASON]]);
  });

  it('the readiness line counts a chapter stated not applicable as complete', async () => {
    const stated = await lintChanged((p) => (p.crisis = { not_applicable: 'Crises go through the municipality' }));
    const left = await lintChanged((p) => delete p.crisis);
    expect(readiness(stated)).toEqual({ sections: 12, complete: 12, open_points: 0 });
    expect(readiness(left)).toEqual({ sections: 12, complete: 11, open_points: 1 });
  });

  it('an empty reason is refused', async () => {
    const findings = await lintChanged((p) => (p.competitors = { not_applicable: '' }));
    expect(summarise(findings)).toContain('error schema-value competitors.not_applicable');
  });

  it('a section without not_applicable still needs its required fields', async () => {
    expect(summarise(await lintChanged((p) => (p.audience = {})))).toEqual(['error schema-required audience.personas']);
    expect(summarise(await lintChanged((p) => (p.budget = { cap: 100 })))).toEqual([
      'error schema-required budget.items',
    ]);
    expect(summarise(await lintChanged((p) => delete p.review.cadence))).toEqual([
      'error schema-required review.cadence',
    ]);
  });

  it('an open point silenced inline with a reason is read back with its reason', async () => {
    const plan = completePlan();
    delete plan.crisis;
    const text = `${stringify(plan)}# smplan-disable-next-line open-point -- The municipality's crisis plan covers us\n`;
    // The open point of a missing section points at the top of the file: the directive goes there.
    const top = `# smplan-disable-next-line open-point -- The municipality's crisis plan covers us\n${stringify(plan)}`;
    for (const [source, expected] of [
      [text, {}],
      [top, { crisis: "The municipality's crisis plan covers us" }],
    ] as const) {
      const outcome = await loadPlan({ file: 'plan.yaml', text: Buffer.from(source), dir: FIXTURES });
      expect({ ...(await silencedOpenPoints(outcome.loaded!)) }).toEqual(expected);
    }
  });
});
