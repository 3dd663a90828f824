import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ROLES } from '@kabinet/shared';
import { en, ru } from './index';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('English has every Russian key and no others', () => {
    expect(keys(en).sort()).toEqual(keys(ru).sort());
  });
  it('every error code and role has a message', () => {
    for (const code of ERROR_CODES) expect(ru.errors[code]).toBeTruthy();
    for (const role of ROLES) expect(ru.shell.roles[role]).toBeTruthy();
  });
});
