import { describe, expect, it } from 'vitest';
import { expectOne, lintWith, summarise } from '../helpers.js';

describe('copied-tactic (mistake 2: make as the neighbour)', () => {
  it("a tactic repeating a competitor's better_at, with no adaptation", async () => {
    const message = await expectOne(
      (p) => {
        p.competitors[0].better_at = ['Weekly reel of a five-minute flow'];
      },
      'copied-tactic',
      'channels[0].tactics[0].action',
      'Weekly reel',
    );
    expect(message).toBe(
      'the tactic "Weekly reel of a five-minute flow" is taken from Rival Studio and says nothing of how we adapt it (adaptation): do better than them, not the same',
    );
  });

  it('adopted_from with no objective and no adaptation, at adopted_from', async () => {
    const { findings, lines } = await lintWith((p) => {
      p.channels[0].tactics.push({ action: 'Live classes on Sunday', adopted_from: 'Harbour Pilates' });
    });
    expect(summarise(findings)).toEqual([
      'warning tactics-without-objectives channels[0].tactics[1].objectives',
      'warning copied-tactic channels[0].tactics[1].adopted_from',
    ]);
    expect(lines[findings[1]!.line - 1]!.slice(findings[1]!.column - 1)).toBe('Harbour Pilates');
    expect(findings[1]!.message).toContain('names no objective of ours and says nothing of how we adapt it');
  });

  it('adapted and tied to an objective: fine; an unknown competitor is a broken reference', async () => {
    const tactic = {
      action: 'Live classes',
      adopted_from: 'Harbour Pilates',
      objectives: ['comments'],
      adaptation: 'Shorter, and answered live.',
    };
    expect((await lintWith((p) => p.channels[0].tactics.push(tactic))).findings).toEqual([]);
    expect(
      summarise((await lintWith((p) => p.channels[0].tactics.push({ ...tactic, adopted_from: 'Nobody' }))).findings),
    ).toEqual(['error references channels[0].tactics[1].adopted_from']);
  });
});
