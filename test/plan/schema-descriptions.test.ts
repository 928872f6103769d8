/** What an editor shows on hover: every section and every field of the plan format has a description. */
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/plan/json-schema.js';

type Node = Record<string, unknown>;

/** Every property in the schema as [path, its schema], following items, unions and definitions. */
function properties(node: unknown, at = ''): [string, Node][] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Node;
  const out: [string, Node][] = [];
  for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
    out.push([`${at}.${key}`, value], ...properties(value, `${at}.${key}`));
  }
  for (const key of ['items', 'additionalProperties'])
    if (n[key] && typeof n[key] === 'object') out.push(...properties(n[key], `${at}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const part of (n[key] ?? []) as Node[]) out.push(...properties(part, at));
  for (const key of ['definitions', '$defs'])
    for (const [name, def] of Object.entries((n[key] ?? {}) as Record<string, Node>))
      out.push(...properties(def, `#${name}`));
  return out;
}

describe('the plan JSON Schema', () => {
  const all = properties(planJsonSchema());

  it('describes every section and field', () => {
    expect(all.length).toBeGreaterThan(250);
    expect(
      all
        .filter(([, schema]) => typeof schema.description !== 'string' || schema.description.length < 3)
        .map(([p]) => p),
    ).toEqual([]);
  });

  it('describes each top-level section by its method chapter', () => {
    const sections = (planJsonSchema().properties ?? {}) as Record<string, Node>;
    for (const name of [
      'situation',
      'goals',
      'objectives',
      'audience',
      'competitors',
      'positioning',
      'channels',
      'content',
      'kpis',
      'budget',
      'team',
      'crisis',
      'review',
    ]) {
      expect(sections[name]!.description, name).toMatch(/^§\d+ /);
    }
  });
});
