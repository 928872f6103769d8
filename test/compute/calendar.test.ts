import { describe, expect, it } from 'vitest';
import { localInstant, publishingCalendar, utcStamp, weekdayOf } from '../../src/compute/calendar.js';
import type { Plan, Slot } from '../../src/plan/schema.js';
import { planWith } from './helpers.js';

function withSlots(
  slots: Slot[],
  extra: Partial<NonNullable<Plan['content']>> = {},
  meta: Partial<Plan['plan']> = {},
): Plan {
  return planWith({ content: { slots, ...extra } }, meta);
}

describe('publishingCalendar', () => {
  it('puts 07:30 in Oslo at 06:30Z in winter and 05:30Z in summer (DST on 2027-03-28)', () => {
    const cal = publishingCalendar(withSlots([{ channel: 'instagram', weekday: 'tue', time: '07:30' }]), {
      from: '2027-03-22',
      weeks: 2,
    });
    expect(cal.events.map((e) => [e.date, e.time, e.start])).toEqual([
      ['2027-03-23', '07:30', '2027-03-23T06:30:00Z'],
      ['2027-03-30', '07:30', '2027-03-30T05:30:00Z'],
    ]);
  });
  it('matches the acceptance calendar across the US change (America/New_York, 2027-03-14)', () => {
    const plan = withSlots(
      [
        { channel: 'instagram', weekday: 'mon', time: '08:15' },
        { channel: 'tiktok', weekday: 'sat', time: '18:30' },
      ],
      {},
      { timezone: 'America/New_York' },
    );
    const cal = publishingCalendar(plan, { from: '2027-03-01', weeks: 3 });
    expect(cal.events.map((e) => `${e.channel} ${e.start}`)).toEqual([
      'instagram 2027-03-01T13:15:00Z',
      'tiktok 2027-03-06T23:30:00Z',
      'instagram 2027-03-08T13:15:00Z',
      'tiktok 2027-03-13T23:30:00Z',
      'instagram 2027-03-15T12:15:00Z',
      'tiktok 2027-03-20T22:30:00Z',
    ]);
    expect(cal.to).toBe('2027-03-22');
  });
  it('excludes the window end and defaults to plan.start and content.horizon_weeks', () => {
    // plan.start 2027-01-01 is a Friday; 1 week = Jan 1..7.
    const cal = publishingCalendar(withSlots([{ channel: 'x', weekday: 'fri', time: '09:00' }], { horizon_weeks: 1 }));
    expect(cal.from).toBe('2027-01-01');
    expect(cal.to).toBe('2027-01-08');
    expect(cal.events.map((e) => e.date)).toEqual(['2027-01-01']);
  });
  it('defaults to 8 weeks without a horizon', () => {
    const cal = publishingCalendar(withSlots([{ channel: 'x', weekday: 'mon', time: '09:00' }]));
    expect(cal.weeks).toBe(8);
    expect(cal.events).toHaveLength(8);
  });
  it('sorts by time, keeping slot order for simultaneous posts', () => {
    const cal = publishingCalendar(
      withSlots([
        { channel: 'b', weekday: 'mon', time: '12:00' },
        { channel: 'a', weekday: 'mon', time: '08:00' },
        { channel: 'c', weekday: 'mon', time: '12:00' },
      ]),
      { from: '2027-01-04', weeks: 1 },
    );
    expect(cal.events.map((e) => [e.channel, e.slot])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 2],
    ]);
  });
  it('moves a time skipped by the spring change past the gap and says so', () => {
    const cal = publishingCalendar(withSlots([{ channel: 'x', weekday: 'sun', time: '02:30' }]), {
      from: '2027-03-28',
      weeks: 1,
    });
    expect(cal.events[0]).toMatchObject({
      date: '2027-03-28',
      time: '03:30',
      planned_time: '02:30',
      start: '2027-03-28T01:30:00Z',
    });
  });
  it('takes the first of a time repeated by the autumn change (RFC 5545)', () => {
    // 2027-10-31 in Oslo: 02:30 happens at +02:00 and again at +01:00.
    expect(utcStamp(localInstant('2027-10-31', '02:30', 'Europe/Oslo'))).toBe('2027-10-31T00:30:00Z');
    expect(utcStamp(localInstant('2027-10-31', '03:30', 'Europe/Oslo'))).toBe('2027-10-31T02:30:00Z');
    expect(utcStamp(localInstant('2027-11-07', '01:30', 'America/New_York'))).toBe('2027-11-07T05:30:00Z');
  });
  it('carries pillar name, format and note, and lists special dates and activations in the window', () => {
    const plan = planWith({
      channels: [
        {
          id: 'instagram',
          role: 'primary',
          activations: [
            { name: 'Launch', date: '2027-01-05' },
            { name: 'Later', date: '2027-03-01' },
            { name: 'Undated' },
          ],
        },
      ],
      content: {
        pillars: [{ id: 'craft', name: 'Behind the counter', share: 1 }],
        slots: [{ channel: 'instagram', weekday: 'tue', time: '07:30', pillar: 'craft', format: 'reel', note: 'n' }],
        special_dates: [
          { date: '2027-01-08', name: 'Outside', kind: 'holiday' },
          { date: '2027-01-06', name: 'Epiphany', kind: 'holiday' },
          { date: '2027-01-01', name: 'New Year', channels: ['instagram'] },
        ],
      },
    });
    const cal = publishingCalendar(plan, { weeks: 1 });
    expect(cal.events[0]).toMatchObject({
      pillar: 'craft',
      pillar_name: 'Behind the counter',
      format: 'reel',
      note: 'n',
      weekday: 'tue',
    });
    expect(cal.special_dates.map((s) => s.name)).toEqual(['New Year', 'Epiphany']);
    expect(cal.activations).toEqual([{ date: '2027-01-05', name: 'Launch', channel: 'instagram' }]);
  });
  it('has no events without slots', () => {
    expect(publishingCalendar(planWith()).events).toEqual([]);
  });
});

describe('weekdayOf', () => {
  it('names the weekday of a date', () => {
    expect(weekdayOf('2027-03-30')).toBe('tue');
    expect(weekdayOf('2028-02-29')).toBe('tue');
    expect(weekdayOf('2027-01-03')).toBe('sun');
  });
});
