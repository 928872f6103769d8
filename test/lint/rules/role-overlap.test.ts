import { describe, expect, it } from 'vitest';
import { expectOne, type PlanData } from '../helpers.js';

describe('role-overlap (seeds 001 §4, 002 §8)', () => {
  const roles = (p: PlanData) => p.team.roles.push({ id: 'teacher', title: 'Teacher', person: 'Ola' });

  it('one task owned by several roles', async () => {
    const message = await expectOne(
      (p) => (roles(p), (p.team.tasks[0].owner = 'cm and teacher')),
      'role-overlap',
      'team.tasks[0].owner',
      'cm and teacher',
    );
    expect(message).toBe('the task "Answer comments" is owned by 2 roles (cm, teacher): give it one owner');
  });

  it('one channel owned by several roles, named by person', async () => {
    await expectOne(
      (p) => (roles(p), (p.channels[0].owner = 'Kari / Ola')),
      'role-overlap',
      'channels[0].owner',
      'Kari / Ola',
    );
  });

  it('the same task twice with different owners', async () => {
    await expectOne(
      (p) => (roles(p), p.team.tasks.push({ task: 'Answer comments.', owner: 'teacher', cadence: 'daily' })),
      'role-overlap',
      'team.tasks[2].task',
      'Answer comments.',
    );
  });

  it('the same responsibility on two roles', async () => {
    await expectOne(
      (p) => {
        roles(p);
        p.team.roles[0].responsibilities = ['Answer messages'];
        p.team.roles[1].responsibilities = ['answer messages'];
      },
      'role-overlap',
      'team.roles[1].responsibilities[0]',
      'answer messages',
    );
  });

  /** A KPI with its tool and frequency, so only the rule under test reports. */
});
