import { describe, expect, it } from '@jest/globals';

import { formatWithPaths, lineOfPath } from './json-lines';

describe('formatWithPaths', () => {
  it('formats like JSON.stringify with two spaces and records the line of each path', () => {
    const value = { title: 'T', pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, []] }], empty: {} };
    const { text, lines } = formatWithPaths(value);
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(lines.get('$.pages[0].elements[0]')).toBe(
      text.split('\n').findIndex((row) => row.includes('"type": "text"')),
    );
    expect(lineOfPath(lines, '$.pages[0].elements[0].choices')).toBe(lines.get('$.pages[0].elements[0]'));
    expect(lineOfPath(lines, '$.title')).toBe(2);
  });
});
