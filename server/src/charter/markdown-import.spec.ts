import { matchImportedClauses, parseMarkdownDocument } from './markdown-import';
import { exportMarkdown } from './redline-html';

describe('parseMarkdownDocument', () => {
  it('takes a lone level-1 heading as the title and one clause per level-2 heading, with id comments', () => {
    const parsed = parseMarkdownDocument(
      '# The Charter\n\n## Purpose\n<!-- clause:purpose -->\n\nWhy we exist.\n\n### Detail\n\nStays in the body.\n\n## New one\n\nText.\n',
    );
    expect(parsed).toEqual({
      title: 'The Charter',
      clauses: [
        { id: 'purpose', heading: 'Purpose', body: 'Why we exist.\n\n### Detail\n\nStays in the body.' },
        { heading: 'New one', body: 'Text.' },
      ],
    });
  });

  it('ignores headings inside code fences', () => {
    expect(
      parseMarkdownDocument('# A\n\n```\n# not a heading\n```\n\n# B\n').clauses.map((clause) => clause.heading),
    ).toEqual(['A', 'B']);
  });

  it('round-trips the Markdown export', () => {
    const clauses = [
      { id: 'a', heading: 'First', body: 'One.\n\nTwo.' },
      { id: 'b', heading: 'Second', body: '- item\n- item' },
    ];
    const markdown = exportMarkdown({ title: 'T', revision: 1, author: 'x', createdAt: 'now' }, clauses);
    expect(parseMarkdownDocument(markdown)).toEqual({ title: 'T', clauses });
  });
});

describe('matchImportedClauses', () => {
  const existing = [
    { id: 'purpose', heading: 'Purpose', body: 'The network exists to reduce CBRN risks in partner countries.' },
    { id: 'members', heading: 'Members', body: 'Partner countries designate a National Focal Point.' },
  ];

  it('matches by id comment, by heading, then by similar text; the rest are new', () => {
    const result = matchImportedClauses(existing, [
      { heading: 'Membership', body: 'Partner countries designate a National Focal Point and a deputy.' },
      { heading: 'Purpose', body: 'Rewritten entirely.' },
      { heading: 'Brand new', body: 'Nothing like the others.' },
    ]);
    expect(result).toEqual([
      {
        id: 'members',
        heading: 'Membership',
        body: 'Partner countries designate a National Focal Point and a deputy.',
      },
      { id: 'purpose', heading: 'Purpose', body: 'Rewritten entirely.' },
      { heading: 'Brand new', body: 'Nothing like the others.' },
    ]);
  });

  it('drops an unknown id comment so the clause gets a new id', () => {
    expect(matchImportedClauses(existing, [{ id: 'ghost', heading: 'Other', body: 'x' }])).toEqual([
      { heading: 'Other', body: 'x' },
    ]);
  });
});
