import { jsonDepthExceeds } from './request-body';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts nesting of objects and arrays', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[]}]}'), 4)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[[]]}]}'), 4)).toBe(true);
    expect(jsonDepthExceeds(bytes('['.repeat(100_000) + ']'.repeat(100_000)), 64)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify({ text: '[[[[[{{{{{' })), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes(JSON.stringify({ text: 'say \\"[[[[" then {{{{' })), 2)).toBe(false);
  });
});
