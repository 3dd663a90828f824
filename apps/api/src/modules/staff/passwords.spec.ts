import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

/** `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` → everything but salt and hash. */
const parameters = (phc: string) => phc.split('$').slice(1, 4).join('$');

describe('passwords', () => {
  it('checks unknown logins against a dummy with the same argon2 parameters as real hashes', async () => {
    const real = await hashPassword('correct horse battery staple');
    expect(parameters(await dummyHash())).toBe(parameters(real));
    expect(parameters(real)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(await verifyPassword(real, 'wrong')).toBe(false);
  });
});
