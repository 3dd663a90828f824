import { describe, expect, it } from 'vitest';
import { permissionsOf, SHARE_LIMITS } from '@kabinet/shared';
import type { AuthContext } from '../auth/auth-context';
import { AccessService, mayWrite } from '../access/access.service';
import type { AccessRepository } from '../access/access.repository';
import { accountName, cleanName, shareRefusal } from './share-rules';

const OWNER = '+79123456789';
const SON = '+79165550011';

describe('shareRefusal', () => {
  const ok = { phone: SON, ownerPhone: OWNER, activeShares: 0, alreadyShared: false };

  it('lets a contract be shared with another phone', () => {
    expect(shareRefusal(ok)).toBeNull();
    expect(shareRefusal({ ...ok, ownerPhone: null })).toBeNull();
  });

  it('refuses the owner’s own phone', () => {
    expect(shareRefusal({ ...ok, phone: OWNER })).toMatchObject({
      path: 'phone',
      message: expect.stringContaining('your own phone'),
    });
  });

  it('refuses a second active share with the same phone', () => {
    expect(shareRefusal({ ...ok, alreadyShared: true })).toMatchObject({
      path: 'phone',
      message: expect.stringContaining('already shared'),
    });
  });

  it('refuses more people than the limit, counting only active shares', () => {
    const limit = SHARE_LIMITS.activePerContract;
    expect(shareRefusal({ ...ok, activeShares: limit - 1 })).toBeNull();
    expect(shareRefusal({ ...ok, activeShares: limit })).toMatchObject({
      path: 'phone',
      message: expect.stringContaining(`at most ${limit}`),
    });
  });

  it('says the most specific reason first', () => {
    const everything = { phone: OWNER, ownerPhone: OWNER, activeShares: 99, alreadyShared: true };
    expect(shareRefusal(everything)?.message).toContain('your own phone');
    expect(shareRefusal({ ...everything, phone: SON })?.message).toContain('already shared');
  });
});

describe('names', () => {
  it('cleans what the owner typed; nothing left is no name', () => {
    expect(cleanName('  Сын \n Петя ')).toBe('Сын Петя');
    expect(cleanName('   ')).toBeNull();
    expect(cleanName(undefined)).toBeNull();
  });

  it('names an account made for a share after the owner’s name, else the phone', () => {
    expect(accountName('Сын', SON)).toBe('Сын');
    expect(accountName(null, SON)).toBe('+7 916 555-00-11');
  });
});

describe('what a share lets one do', () => {
  // Only the pure parts: which conditions the scopes are (the SQL itself runs in the e2e tests).
  const access = new AccessService({} as AccessRepository);
  const customer: AuthContext = {
    sessionId: 's',
    kind: 'customer',
    userId: '11111111-1111-4111-8111-111111111111',
    role: 'customer',
    permissions: new Set(permissionsOf('customer')),
  };

  it('writes with ownership or a full share, never with a read-only one', () => {
    expect(mayWrite('owner')).toBe(true);
    expect(mayWrite('full')).toBe(true);
    expect(mayWrite('staff')).toBe(true);
    expect(mayWrite('read')).toBe(false);
  });

  it('reads shared contracts, writes only those shared in full, shares only its own', () => {
    const read = access.contractScope(customer, 'c');
    const write = access.contractWriteScope(customer, 'c');
    expect(read.text).toContain('contract_shares');
    expect(read.text).not.toContain("'full'");
    expect(write.text).toContain("s.access = 'full'");
    expect(access.contractOwnerScope(customer, 'c').text).toBe('c.customer_id = $1');
  });

  it('writes nothing while staff view a customer’s cabinet', () => {
    const viewing = {
      ...customer,
      viewAs: { staffUserId: 'x', staffName: 'x', staffRole: 'manager' as const },
    };
    expect(access.contractWriteScope(viewing, 'c').text).toBe('FALSE');
  });
});
