import { describe, it } from 'vitest';
import { expectFindings } from '../helpers.js';

describe('admin-roles', () => {
  it('everyone an administrator; someone who left', async () => {
    await expectFindings(
      (p) => (p.situation.channel_audit[0].admins[1].role = 'admin'),
      ['warning admin-roles situation.channel_audit[0].admins'],
    );
    await expectFindings(
      (p) => (p.situation.channel_audit[0].admins[1].left = true),
      ['warning admin-roles situation.channel_audit[0].admins[1].left'],
    );
    // One administrator alone is not "everyone".
    await expectFindings((p) => p.situation.channel_audit[0].admins.pop(), []);
  });
});
