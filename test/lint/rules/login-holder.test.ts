import { describe, expect, it } from 'vitest';
import { expectOne, lintWith, summarise } from '../helpers.js';

describe('login-holder (seed 004 §3)', () => {
  it('a kept profile with no login holder, at the audit entry', async () => {
    await expectOne(
      (p) => delete p.situation.channel_audit[0].login_holder,
      'login-holder',
      'situation.channel_audit[0]',
      'channel: instagram',
    );
  });

  it('written as unknown, in any of the languages', async () => {
    for (const holder of ['Unknown', 'Ukjent; administratoren har sluttet', 'Неизвестно', '?']) {
      await expectOne(
        (p) => (p.situation.channel_audit[0].login_holder = holder),
        'login-holder',
        'situation.channel_audit[0].login_holder',
        holder === '?' ? '"?"' : holder,
      );
    }
  });

  it('held by someone who has left; a profile we close is not judged', async () => {
    const { findings, lines } = await lintWith((p) => {
      p.situation.channel_audit[0].login_holder = 'Ola (personal e-mail)';
      p.situation.channel_audit[0].admins[1] = { name: 'Ola', role: 'analyst', left: true };
    });
    // Ola still holding a page role is admin-roles' finding; the login is this rule's.
    expect(summarise(findings)).toEqual([
      'warning login-holder situation.channel_audit[0].login_holder',
      'warning admin-roles situation.channel_audit[0].admins[1].left',
    ]);
    expect(lines[findings[0]!.line - 1]!.slice(findings[0]!.column - 1)).toBe('Ola (personal e-mail)');
    expect(findings[0]!.message).toContain('held by Ola, who has left');
    expect(
      (
        await lintWith(
          (p) => (delete p.situation.channel_audit[0].login_holder, (p.situation.channel_audit[0].decision = 'close')),
        )
      ).findings,
    ).toEqual([]);
  });
});
