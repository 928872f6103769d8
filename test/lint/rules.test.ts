/**
 * What holds across the rules: the registry, the complete plan that none of them reports on, and a
 * plan in progress. Each rule's own tests are in rules/<rule file>.test.ts.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/lint/catalog.js';
import { rules } from '../../src/lint/rules/index.js';
import { completePlan, lintData, lintText } from './helpers.js';

describe('rule registry', () => {
  it('every rule has an id, a severity, a method section and a description, ids unique', () => {
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.method).toMatch(/^§\d+ /);
      expect(r.description.length).toBeGreaterThan(20);
    }
    const ids = ruleCatalog().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every rule a file in src/lint/rules/ defines is registered, once', async () => {
    const dir = new URL('../../src/lint/rules/', import.meta.url);
    const defined: unknown[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      defined.push(...Object.values(module).filter((v) => typeof v === 'object' && v !== null && 'check' in v));
    }
    expect(defined.length).toBe(rules.length);
    for (const rule of defined) expect(rules).toContain(rule);
  });

  it('the complete plan has no finding at all', async () => {
    expect(await lintData(completePlan())).toEqual([]);
  });
});

describe('a plan in progress', () => {
  it('a minimal plan has warnings for what is open, and no errors', async () => {
    const findings = await lintText(`smplan: 1
plan: { title: T, organization: O, locale: en, currency: EUR, timezone: UTC, start: 2027-01-01, end: 2027-12-31 }
goals:
  - { id: reach, statement: Reach more people, priority: primary }
`);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['goal-without-objective', 'open-point']));
    expect(findings.filter((f) => f.rule === 'open-point').map((f) => f.path)).toEqual(
      [
        'situation',
        'plan.problem',
        'objectives',
        'audience',
        'competitors',
        'positioning',
        'channels',
        'content',
        'kpis',
        'budget',
        'team',
        'tools',
        'crisis',
        'review',
      ].sort((a, b) => (a === 'plan.problem' ? 1 : b === 'plan.problem' ? -1 : 0)),
    );
  });
});
