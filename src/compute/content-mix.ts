/**
 * The content mix against the rule the plan names (method.md §7): the share of posts per pillar
 * kind, and for each kind the rule bounds, whether it is over or under. One reading for the
 * lint rule and the document. Pure: no IO.
 */
import { PILLAR_KINDS, type Plan } from '../plan/schema.js';

/** 80-20: at most a fifth of posts promote. */
export const MAX_PROMOTIONAL_80_20 = 0.2;
/** thirds: each of promotional, value and conversation within five points of a third. */
export const THIRDS_TOLERANCE = 0.05;

export type PillarKind = (typeof PILLAR_KINDS)[number];

export interface KindShare {
  kind: PillarKind;
  share: number;
  /** The rule's aim for this kind: a third, or at most a fifth (80-20, promotional). */
  target: number;
  verdict: 'over' | 'under' | 'within';
  /** The names of the pillars of this kind, in plan order. */
  pillars: string[];
}

export interface ContentMixCheck {
  rule: NonNullable<NonNullable<Plan['content']>['mix_rule']>;
  /** False when no pillar has a kind: the mix cannot be checked. */
  checkable: boolean;
  /** Share of posts per kind, every kind (0 where no pillar has it). */
  shares: Record<PillarKind, number>;
  /** The kinds the rule bounds, in the rule's order. */
  kinds: KindShare[];
  /** The kinds off the rule. */
  off: KindShare[];
}

/** The pillars' mix against content.mix_rule; undefined when the plan names no rule. */
export function contentMixCheck(content: Plan['content']): ContentMixCheck | undefined {
  const rule = content?.mix_rule;
  if (!rule) return undefined;
  const pillars = content?.pillars ?? [];
  const shares = Object.fromEntries(
    PILLAR_KINDS.map((k) => [k, pillars.filter((p) => p.kind === k).reduce((s, p) => s + (p.share ?? 0), 0)]),
  ) as Record<PillarKind, number>;
  const EPS = 1e-9;
  const namesOf = (kind: PillarKind) => pillars.filter((p) => p.kind === kind).map((p) => p.name);
  const kinds: KindShare[] =
    rule === '80-20'
      ? [
          {
            kind: 'promotional',
            share: shares.promotional,
            target: MAX_PROMOTIONAL_80_20,
            verdict: shares.promotional > MAX_PROMOTIONAL_80_20 + EPS ? 'over' : 'within',
            pillars: namesOf('promotional'),
          },
        ]
      : (['promotional', 'value', 'conversation'] as const).map((kind) => {
          const share = shares[kind];
          const gap = share - 1 / 3;
          const verdict = Math.abs(gap) <= THIRDS_TOLERANCE ? 'within' : gap > 0 ? 'over' : 'under';
          return { kind, share, target: 1 / 3, verdict, pillars: namesOf(kind) };
        });
  return {
    rule,
    checkable: pillars.some((p) => p.kind !== undefined),
    shares,
    kinds,
    off: kinds.filter((k) => k.verdict !== 'within'),
  };
}
