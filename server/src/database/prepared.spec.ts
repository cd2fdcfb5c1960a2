import { preparedStatement } from './prepared';
import { socketDirectoryFor } from './embedded-postgres';
import { isDatabaseUnavailable } from '../common/database-unavailable';

describe('prepared statements', () => {
  it('keeps one text per name: the same declaration again is fine, another text under the name throws', () => {
    const first = preparedStatement('spec_statement', 'SELECT $1::int AS n');
    expect(preparedStatement('spec_statement', 'SELECT $1::int AS n')).toEqual(first);
    expect(() => preparedStatement('spec_statement', 'SELECT $1::int AS m')).toThrow(
      'The prepared statement spec_statement is declared twice with different texts',
    );
  });
});

describe('embedded cluster socket', () => {
  it('puts the socket in the cluster folder when its path fits, and uses TCP only otherwise', () => {
    expect(socketDirectoryFor('/var/lib/concord/clusters/537600a2098ff7aa', 5432)).toBe(
      '/var/lib/concord/clusters/537600a2098ff7aa',
    );
    expect(socketDirectoryFor(`/tmp/${'d'.repeat(90)}`, 5432)).toBeNull();
    expect(socketDirectoryFor('/tmp/with space/pg', 5432)).toBeNull();
    expect(socketDirectoryFor('/tmp/with,comma/pg', 5432)).toBeNull();
  });

  it('counts a missing socket as an unreachable database, and no other missing file', () => {
    expect(isDatabaseUnavailable({ code: 'ENOENT', syscall: 'connect', message: 'connect ENOENT /x/.s.PGSQL.1' })).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ code: 'ENOENT', syscall: 'open', message: "ENOENT: no such file, open '/x'" })).toBe(
      false,
    );
  });
});
