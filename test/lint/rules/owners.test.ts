import { describe, expect, it } from 'vitest';
import { expectFindings, lintChanged, summarise } from '../helpers.js';

describe('owners', () => {
  it('a channel or a task without an owner', async () => {
    await expectFindings((p) => delete p.channels[1].owner, ['warning owners channels[1].owner']);
    await expectFindings((p) => delete p.team.tasks[0].owner, ['warning owners team.tasks[0].owner']);
  });
});

describe('owners: a channel kept as accounts', () => {
  it('is owned when each of its accounts names its owner', async () => {
    const owned = await lintChanged((p) => {
      delete p.channels[0].owner;
      p.channels[0].accounts = [{ handle: '@a', owner: 'Kari' }];
    });
    expect(summarise(owned)).toEqual([]);
    const unowned = await lintChanged((p) => {
      delete p.channels[0].owner;
      p.channels[0].accounts = [{ handle: '@a', owner: 'Kari' }, { handle: '@b' }];
    });
    expect(summarise(unowned)).toEqual(['warning owners channels[0].owner']);
  });
});
