import { publishedClauses, type StoredTranslation, translationEntries } from './clause-translations';

const at = new Date('2026-01-02T03:04:05.000Z');
const stored = (clauseId: string, sourceRevision: number, sourceBody: string, body: string): StoredTranslation => ({
  clauseId,
  sourceRevision,
  sourceHeading: 'Purpose',
  sourceBody,
  heading: 'Objet',
  body,
  translatorId: null,
  translatorName: 'Traducteur',
  updatedAt: at,
});

describe('translationEntries', () => {
  const clauses = [
    { id: 'purpose', heading: 'Purpose', body: 'The network reduces risks.' },
    { id: 'members', heading: 'Members', body: 'Countries appoint a focal point.' },
  ];

  it('marks each clause current, stale (with how the source changed) or missing', () => {
    const entries = translationEntries(3, clauses, [
      stored('purpose', 2, 'The network reduces CBRN risks.', 'Le réseau réduit les risques.'),
    ]);
    expect(entries).toEqual([
      {
        clauseId: 'purpose',
        status: 'stale',
        source: { heading: 'Purpose', body: 'The network reduces risks.' },
        translation: {
          heading: 'Objet',
          body: 'Le réseau réduit les risques.',
          sourceRevision: 2,
          translator: { id: null, name: 'Traducteur' },
          updatedAt: '2026-01-02T03:04:05.000Z',
        },
        sourceChanges: {
          headingOps: [{ op: 'equal', text: 'Purpose' }],
          ops: [
            { op: 'equal', text: 'The network reduces ' },
            { op: 'delete', text: 'CBRN ' },
            { op: 'equal', text: 'risks.' },
          ],
        },
      },
      {
        clauseId: 'members',
        status: 'missing',
        source: { heading: 'Members', body: 'Countries appoint a focal point.' },
        translation: null,
        sourceChanges: null,
      },
    ]);
  });

  it('uses the newest translation written up to the revision read, and is current when the text matches', () => {
    const translations = [
      stored('purpose', 1, 'The network reduces risks.', 'v1'),
      stored('purpose', 4, 'The network reduces risks.', 'v4'),
    ];
    expect(translationEntries(3, clauses, translations)[0]).toMatchObject({
      status: 'current',
      translation: { body: 'v1' },
      sourceChanges: null,
    });
    expect(translationEntries(4, clauses, translations)[0]).toMatchObject({
      status: 'current',
      translation: { body: 'v4' },
    });
  });

  it('publishes the translation where there is one and the source elsewhere', () => {
    const entries = translationEntries(1, clauses, [stored('purpose', 1, 'The network reduces risks.', 'Le réseau.')]);
    expect(publishedClauses(entries)).toEqual([
      { id: 'purpose', heading: 'Objet', body: 'Le réseau.' },
      { id: 'members', heading: 'Members', body: 'Countries appoint a focal point.' },
    ]);
  });
});
