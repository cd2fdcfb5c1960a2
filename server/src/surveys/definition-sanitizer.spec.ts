import { sanitizeDefinition } from './definition-sanitizer';

describe('sanitizeDefinition', () => {
  it('removes scripts, event handlers and javascript: links from html questions, completedHtml and descriptions', () => {
    const definition = {
      completedHtml: { default: '<p onclick="steal()">Thanks</p><script>alert(1)</script>', fr: '<b>Merci</b>' },
      pages: [
        {
          elements: [
            { type: 'html', name: 'intro', html: '<a href="javascript:alert(1)">x</a><img src=x onerror="alert(1)">' },
            {
              type: 'text',
              name: 'q',
              description: 'R&D <iframe src="https://evil.example"></iframe>',
              title: '<b>kept as is</b>',
            },
          ],
        },
      ],
    };
    expect(sanitizeDefinition(definition)).toEqual({
      completedHtml: { default: '<p>Thanks</p>', fr: '<b>Merci</b>' },
      pages: [
        {
          elements: [
            { type: 'html', name: 'intro', html: '<a>x</a><img src="x" />' },
            { type: 'text', name: 'q', description: 'R&amp;D ', title: '<b>kept as is</b>' },
          ],
        },
      ],
    });
  });

  it('leaves plain text untouched', () => {
    expect(sanitizeDefinition({ description: 'R&D for CBRN' })).toEqual({ description: 'R&D for CBRN' });
  });
});
