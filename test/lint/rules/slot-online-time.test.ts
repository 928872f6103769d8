import { describe, expect, it } from 'vitest';
import { expectOne, lintWith, summarise, type PlanData } from '../helpers.js';

describe('slot-online-time (seed 004 §1)', () => {
  const online = (p: PlanData, windows: unknown[]) => (p.audience.personas[0].online_times = windows);

  it('a slot when none of its personas is online, at the slot time', async () => {
    // Tue 07:30 on instagram; the busy parent (a persona of instagram) is online only in the evening.
    const message = await expectOne(
      (p) => online(p, [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '20:30', to: '22:30' }]),
      'slot-online-time',
      'content.slots[0].time',
      '07:30',
    );
    expect(message).toBe(
      'the instagram slot on tue at 07:30 reaches none of its personas online (Busy parent: mon–fri 20:30–22:30): publish when they have time',
    );
  });

  it('inside the window, on the right weekday; `to` is when they go offline', async () => {
    const { findings } = await lintWith((p) => online(p, [{ days: ['tue'], from: '07:30', to: '08:00' }]));
    expect(findings).toEqual([]);
    expect(
      summarise((await lintWith((p) => online(p, [{ days: ['wed'], from: '07:00', to: '08:00' }]))).findings),
    ).toEqual(['warning slot-online-time content.slots[0].time']);
    expect(summarise((await lintWith((p) => online(p, [{ from: '06:00', to: '07:30' }]))).findings)).toEqual([
      'warning slot-online-time content.slots[0].time',
    ]);
  });

  it('a window across midnight reaches into the next day', async () => {
    const late = (p: PlanData) => (p.content.slots[0] = { channel: 'instagram', weekday: 'tue', time: '00:30' });
    expect(
      (await lintWith((p) => (late(p), online(p, [{ days: ['mon'], from: '22:00', to: '01:00' }])))).findings,
    ).toEqual([]);
    expect(
      summarise(
        (await lintWith((p) => (late(p), online(p, [{ days: ['tue'], from: '22:00', to: '01:00' }])))).findings,
      ),
    ).toEqual(['warning slot-online-time content.slots[0].time']);
  });

  it("the slot's own persona decides over the channel's; personas without online times are not judged", async () => {
    await expectOne(
      (p) => {
        p.audience.personas.push({ id: 'student', name: 'Student', online_times: [{ from: '21:00', to: '23:00' }] });
        p.content.slots[0].persona = 'student';
      },
      'slot-online-time',
      'content.slots[0].time',
      '07:30',
    );
    expect((await lintWith(() => {})).findings).toEqual([]);
  });
});
