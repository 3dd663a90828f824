import { StaffService } from '../src/modules/staff/staff.service';
import { loginCustomer, loginStaff, primeCsrf, type TestApp, type TestClient } from './helpers';

/**
 * Who uses the API, from the demo company: customer A (Иванова) and B (Смирнов); manager
 * sokolova is responsible for A's contracts, orlov for B's; foreman belov is assigned to B's
 * renovation; the operator, estimator and measurer are added by `addRoleStaff`.
 */
export const ACTORS = [
  'anonymous',
  'customerA',
  'customerB',
  'admin',
  'head',
  'managerA',
  'managerB',
  'operator',
  'estimator',
  'measurer',
  'foremanB',
] as const;
export type Actor = (typeof ACTORS)[number];

export const CUSTOMER_PHONES = { customerA: '+79123456789', customerB: '+79031112233' } as const;

const STAFF_LOGINS: Record<Exclude<Actor, 'anonymous' | 'customerA' | 'customerB'>, string> = {
  admin: 'admin',
  head: 'volkova',
  managerA: 'sokolova',
  managerB: 'orlov',
  foremanB: 'belov',
  operator: 'operator',
  estimator: 'estimator',
  measurer: 'measurer',
};

/** Staff of the roles the demo company has no one in (password `kabinet-demo`). */
export async function addRoleStaff(t: TestApp): Promise<void> {
  const staff = t.app.get(StaffService);
  for (const role of ['operator', 'estimator', 'measurer'] as const) {
    await staff.upsertWithPassword({ login: role, password: 'kabinet-demo', fullName: role, role });
  }
}

/** A fresh session (its own cookie jar) of `actor`; anonymous gets a CSRF cookie. */
export async function loginAs(t: TestApp, actor: Actor): Promise<TestClient> {
  if (actor === 'anonymous') {
    const c = t.client();
    await primeCsrf(c);
    return c;
  }
  if (actor === 'customerA' || actor === 'customerB') {
    return loginCustomer(t, CUSTOMER_PHONES[actor]);
  }
  return loginStaff(t, STAFF_LOGINS[actor]);
}
