import fc from 'fast-check';
import { STAFF_ROLES, type StaffRole } from '@concord/shared';
import { mapOidcRole, safeReturnPath } from './oidc-roles';

const MAP: Record<string, StaffRole> = {
  'concord-admin': 'admin',
  'concord-secretariat': 'secretariat',
  'concord-drafting': 'committee',
};

describe('mapOidcRole', () => {
  it('maps a list, a string and a space-separated string; the widest role wins', () => {
    expect(mapOidcRole(['concord-drafting', 'concord-admin'], MAP)).toBe('admin');
    expect(mapOidcRole('concord-secretariat', MAP)).toBe('secretariat');
    expect(mapOidcRole('staff concord-drafting', MAP)).toBe('committee');
  });

  it('answers null for no claim, unmapped values and inherited object keys', () => {
    expect(mapOidcRole(undefined, MAP)).toBeNull();
    expect(mapOidcRole(['staff', 'toString', 'constructor'], MAP)).toBeNull();
    expect(mapOidcRole({ 'concord-admin': true }, MAP)).toBeNull();
  });

  it('for any claim answers a mapped role held, never one the claim does not carry', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...Object.keys(MAP)), fc.string())), (values) => {
        const role = mapOidcRole(values, MAP);
        const held = values.filter((value) => value in MAP).map((value) => MAP[value]);
        if (held.length === 0) expect(role).toBeNull();
        else expect(role).toBe(STAFF_ROLES.find((candidate) => held.includes(candidate)));
      }),
    );
  });
});

describe('safeReturnPath', () => {
  it('keeps paths on this site and turns anything else into /', () => {
    expect(safeReturnPath('/campaigns/1?tab=links')).toBe('/campaigns/1?tab=links');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '', undefined, ['/a']]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
