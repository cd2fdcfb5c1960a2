import { framed } from './startup-banner';

describe('framed', () => {
  it('draws every line inside one box of equal width, set apart by blank lines', () => {
    expect(framed(['First start', '  e-mail: admin@concord.local']).split('\n')).toEqual([
      '',
      '╔═══════════════════════════════╗',
      '║ First start                   ║',
      '║   e-mail: admin@concord.local ║',
      '╚═══════════════════════════════╝',
      '',
    ]);
  });
});
