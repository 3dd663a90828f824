import { describe, expect, it } from 'vitest';
import { chatMessage } from '../../test/fixtures';
import { approvalRules, type Viewer } from './approval-rules';
import type { ChatMessage } from './api/messages';

const customer: Viewer = {
  chat: { can: { write: true, manage: false } },
  me: { kind: 'customer' },
  viewAs: false,
};
const manager: Viewer = {
  chat: { can: { write: true, manage: true } },
  me: { kind: 'staff' },
  viewAs: false,
};
const image = {
  id: 'a1',
  name: 'макет.png',
  size: 1,
  mime: 'image/png',
  kind: 'image' as const,
  width: 1,
  height: 1,
  pins: [],
};

function withApproval(
  state: 'pending' | 'approved' | 'rejected' | 'revoked',
  extra = {},
): ChatMessage {
  return chatMessage('10', {
    attachments: [image],
    approval: {
      id: 'p1',
      state,
      deadline: '2026-12-01',
      attachmentId: 'a1',
      version: 1,
      replacedById: null,
      steps: [],
      ...extra,
    },
  });
}

describe('approvalRules', () => {
  it('lets the customer decide while it waits, and staff revoke a decision', () => {
    expect(approvalRules(withApproval('pending'), customer, '2026-11-30')).toMatchObject({
      decide: true,
      revoke: false,
      overdue: false,
    });
    expect(approvalRules(withApproval('revoked'), customer, '2026-12-02')).toMatchObject({
      decide: true,
      overdue: true,
    });
    expect(approvalRules(withApproval('approved'), customer).decide).toBe(false);
    expect(approvalRules(withApproval('approved'), manager)).toMatchObject({
      revoke: true,
      decide: false,
      request: false,
    });
    expect(approvalRules(withApproval('pending'), manager).revoke).toBe(false);
  });

  it('offers nothing on an old version but what stays, nor from view-as, a read-only share or a message still sending', () => {
    const old = withApproval('rejected', { replacedById: '11' });
    expect(approvalRules(old, manager)).toMatchObject({ revoke: false, newVersion: false });
    expect(approvalRules(withApproval('pending', { replacedById: '11' }), customer).decide).toBe(
      false,
    );
    expect(approvalRules(withApproval('pending'), { ...customer, viewAs: true }).decide).toBe(
      false,
    );
    expect(
      approvalRules(withApproval('pending'), {
        ...customer,
        chat: { can: { write: false, manage: false } },
      }).decide,
    ).toBe(false);
    const sending = {
      ...withApproval('approved'),
      local: { status: 'sending' as const, input: { clientId: 'c', body: '' } },
    };
    expect(approvalRules(sending, manager).revoke).toBe(false);
    expect(approvalRules(withApproval('pending'), null).decide).toBe(false);
  });

  it('lets staff ask for approval of a message without one, and send a new version of a picture', () => {
    const plain = chatMessage('12', { attachments: [image] });
    expect(approvalRules(plain, manager)).toMatchObject({ request: true, newVersion: true });
    expect(approvalRules(chatMessage('13'), manager)).toMatchObject({
      request: true,
      newVersion: false,
    });
    expect(approvalRules(plain, customer)).toMatchObject({ request: false, newVersion: false });
    expect(approvalRules(chatMessage('14', { kind: 'system' }), manager).request).toBe(false);
  });
});
