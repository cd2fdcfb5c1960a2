import JSZip from 'jszip';
import type { ApiErrorBody } from '@concord/shared';
import type { Response } from 'supertest';
import { asBinary } from '../support/binary-body';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { errorBody } from '../support/api-error';
import { MEETINGS_ONCE_TO_TWICE } from '../support/charter-fixtures';

type Staff = StaffSession & { id: string; email: string };
type Clause = { id: string; heading: string; body: string };

const CLAUSES: Clause[] = [
  { id: 'purpose', heading: 'Purpose', body: 'The network reduces CBRN risks.' },
  { id: 'members', heading: 'Members', body: 'Partner countries appoint a National Focal Point.' },
  { id: 'meetings', heading: 'Meetings', body: 'The Round Table meets once a year.' },
];
const MISSING_AMENDMENT = '00000000-0000-4000-8000-000000000000';

async function downloadXml(who: StaffSession, url: string, part: string): Promise<string> {
  const response = await asBinary(who.get(url));
  expect(response.status).toBe(200);
  const file = (await JSZip.loadAsync((response as Response & { body: Buffer }).body)).file(part);
  if (file === null) throw new Error(`${part} is missing from ${url}`);
  return file.async('string');
}

describe('charter: the committee at work (votes, chairs, decisions, translations, comments on selections)', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let chair: Staff;
  let member: Staff;
  let other: Staff;
  let secretariat: Staff;

  const create = async (slug: string) => {
    const response = await member.post('/api/charters').send({ slug, title: `Charter ${slug}`, clauses: CLAUSES });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const save = async (id: string, baseRevision: number, clauses: Clause[], message = 'edit') => {
    const response = await member.post(`/api/charters/${id}/revisions`).send({ baseRevision, clauses, message });
    expect(response.status).toBe(201);
  };
  const withBody = (id: string, body: string, clauses = CLAUSES) =>
    clauses.map((clause) => (clause.id === id ? { ...clause, body } : clause));
  /** A member's amendment to revision 1: the Round Table meets twice a year instead of once. */
  const proposeTwiceAYear = (id: string) =>
    member.post(`/api/charters/${id}/amendments`).send({
      baseRevision: 1,
      clauseId: 'meetings',
      heading: 'Meetings',
      body: 'The Round Table meets twice a year.',
      rationale: 'More often.',
    });
  const auditActions = async (id: string) =>
    ((await admin.get(`/api/audit?subject=charter:${id}`)).body as Array<{ action: string; payload: unknown }>).map(
      (event) => event.action,
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    chair = await createStaff(testApp, admin, 'committee');
    member = await createStaff(testApp, admin, 'committee');
    other = await createStaff(testApp, admin, 'committee');
    secretariat = await createStaff(testApp, admin, 'secretariat');
    await admin.patch(`/api/users/${chair.id}`).send({ name: 'Chair person' });
  });
  afterAll(() => testApp.close());

  describe('chairs and voices on amendments', () => {
    it('names the chairs to every reader; members support or oppose once each, counted and audited', async () => {
      const id = await create('votes');
      expect((await member.get(`/api/charters/${id}/chairs`)).body).toEqual([]);
      expect((await admin.put(`/api/charters/${id}/chairs`).send({ userIds: [chair.id] })).status).toBe(200);
      const chairs = await secretariat.get(`/api/charters/${id}/chairs`);
      expect(chairs.status).toBe(200);
      expect(chairs.body).toEqual([{ id: chair.id, name: 'Chair person' }]);

      const proposed = await proposeTwiceAYear(id);
      const amendmentId = proposed.body.id as string;
      const vote = (who: StaffSession, position: unknown) =>
        who.put(`/api/charters/${id}/amendments/${amendmentId}/vote`).send({ position });

      const first = await vote(member, 'support');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: amendmentId, votes: { support: 1, oppose: 0, mine: 'support' } });
      // Voting again with the same position changes nothing; another position replaces the voice.
      expect((await vote(member, 'support')).body.votes).toEqual({ support: 1, oppose: 0, mine: 'support' });
      expect((await vote(other, 'oppose')).body.votes).toEqual({ support: 1, oppose: 1, mine: 'oppose' });
      expect((await vote(other, 'support')).body.votes).toEqual({ support: 2, oppose: 0, mine: 'support' });
      expect((await vote(chair, 'oppose')).body.votes).toEqual({ support: 2, oppose: 1, mine: 'oppose' });

      const listed = await secretariat.get(`/api/charters/${id}/amendments`);
      expect(listed.body[0].votes).toEqual({ support: 2, oppose: 1, mine: null });
      expect((await member.get(`/api/charters/${id}/amendments`)).body[0].votes).toEqual({
        support: 2,
        oppose: 1,
        mine: 'support',
      });

      const withdrawn = await other.delete(`/api/charters/${id}/amendments/${amendmentId}/vote`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.votes).toEqual({ support: 1, oppose: 1, mine: null });

      const audit = await admin.get(`/api/audit?subject=charter:${id}`);
      const votes = (audit.body as Array<{ action: string; payload: Record<string, unknown> }>)
        .filter((event) => event.action.startsWith('charter.amendment_vote'))
        .reverse()
        .map((event) => [event.action, event.payload.position, event.payload.previous]);
      expect(votes).toEqual([
        ['charter.amendment_voted', 'support', null],
        ['charter.amendment_voted', 'oppose', null],
        ['charter.amendment_voted', 'support', 'oppose'],
        ['charter.amendment_voted', 'oppose', null],
        ['charter.amendment_vote_withdrawn', null, 'support'],
      ]);
    });

    it('rejects bad votes with 4xx naming the problem and changes nothing', async () => {
      const id = await create('bad-votes');
      const proposed = await member.post(`/api/charters/${id}/amendments`).send({
        baseRevision: 1,
        clauseId: 'purpose',
        heading: 'Purpose',
        body: 'The network reduces risks.',
        rationale: 'Shorter.',
      });
      const url = `/api/charters/${id}/amendments/${proposed.body.id}/vote`;
      const before = await auditActions(id);

      const badPosition = await member.put(url).send({ position: 'abstain' });
      expect(badPosition.status).toBe(400);
      expect(badPosition.body).toEqual(
        errorBody(400, 'bad_request', 'position must be one of: support, oppose', [
          { field: 'position', messages: ['position must be one of: support, oppose'] },
        ]),
      );
      const extra = await member.put(url).send({ position: 'support', weight: 3 });
      expect(extra.status).toBe(400);
      expect(extra.body.message).toBe('property weight should not exist');
      const unknown = await member
        .put(`/api/charters/${id}/amendments/${MISSING_AMENDMENT}/vote`)
        .send({ position: 'support' });
      expect(unknown.body).toEqual(
        errorBody(404, 'charter_amendment_not_found', `Amendment ${MISSING_AMENDMENT} not found on this charter`),
      );
      const malformed = await member.put(`/api/charters/${id}/amendments/nope/vote`).send({ position: 'support' });
      expect(malformed.body).toEqual(errorBody(400, 'bad_request', 'amendmentId must be a UUID'));
      const bySecretariat = await secretariat.put(url).send({ position: 'support' });
      expect(bySecretariat.body).toEqual(
        errorBody(403, 'forbidden', 'This action needs one of the roles: admin, committee'),
      );

      await admin.put(`/api/charters/${id}/chairs`).send({ userIds: [chair.id] });
      const rejected = await chair
        .post(`/api/charters/${id}/amendments/${proposed.body.id}/reject`)
        .send({ reason: 'No.' });
      expect(rejected.status).toBe(200);
      const closed = await member.put(url).send({ position: 'support' });
      expect(closed.body).toEqual(
        errorBody(409, 'charter_amendment_decided', 'Amendment 1 was already rejected; its voices are closed'),
      );
      expect((await member.get(`/api/charters/${id}/amendments`)).body[0].votes).toEqual({
        support: 0,
        oppose: 0,
        mine: null,
      });
      expect(await auditActions(id)).toEqual(['charter.amendment_rejected', 'charter.chairs_set', ...before]);
    });

    it('shows the change a decision applies: merged onto the head before, the revision it became after', async () => {
      const id = await create('preview');
      await admin.put(`/api/charters/${id}/chairs`).send({ userIds: [chair.id] });
      const proposed = await proposeTwiceAYear(id);
      await save(id, 1, withBody('purpose', 'The network reduces risks.'));
      const url = `/api/charters/${id}/amendments/${proposed.body.id}/preview`;
      const expected = [
        {
          id: 'meetings',
          status: 'modified',
          heading: 'Meetings',
          ops: MEETINGS_ONCE_TO_TWICE,
        },
      ];
      const before = await secretariat.get(url);
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ head: 2, clauses: expected });

      const accepted = await chair.post(`/api/charters/${id}/amendments/${proposed.body.id}/accept`).send({});
      expect(accepted.body).toEqual({ number: 3, merged: true });
      expect((await member.get(url)).body).toEqual({ head: 2, clauses: expected });
      const head = await member.get(`/api/charters/${id}`);
      expect(head.body.head.clauses[0].body).toBe('The network reduces risks.');

      const conflicting = await member.post(`/api/charters/${id}/amendments`).send({
        baseRevision: 1,
        clauseId: 'meetings',
        heading: 'Meetings',
        body: 'The Round Table meets every month.',
        rationale: 'Even more.',
      });
      const conflict = await member.get(`/api/charters/${id}/amendments/${conflicting.body.id}/preview`);
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject(
        errorBody(
          409,
          'charter_merge_conflict',
          'Amendment 2 overlaps changes made since revision 1; accepting it would conflict',
          { conflicts: [expect.objectContaining({ clauseId: 'meetings' })] },
        ),
      );
      const unknown = await member.get(`/api/charters/${id}/amendments/${MISSING_AMENDMENT}/preview`);
      expect(unknown.status).toBe(404);
    });
  });

  describe('translations', () => {
    it('translates clause by clause, marks a translation stale when its source changes, and publishes by lang', async () => {
      const id = await create('translations');
      const empty = await secretariat.get(`/api/charters/${id}/translations?lang=fr`);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        revision: 1,
        lang: 'fr',
        dir: 'ltr',
        clauses: CLAUSES.map((clause) => ({
          clauseId: clause.id,
          status: 'missing',
          source: { heading: clause.heading, body: clause.body },
          translation: null,
          sourceChanges: null,
        })),
      });

      const saved = await member
        .put(`/api/charters/${id}/translations/ar/meetings`)
        .send({ revision: 1, heading: 'الاجتماعات', body: 'تجتمع المائدة المستديرة مرة واحدة في السنة.' });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({
        clauseId: 'meetings',
        status: 'current',
        source: { heading: 'Meetings', body: 'The Round Table meets once a year.' },
        translation: {
          heading: 'الاجتماعات',
          body: 'تجتمع المائدة المستديرة مرة واحدة في السنة.',
          sourceRevision: 1,
          translator: { id: member.id, name: 'Test committee' },
          updatedAt: expect.any(String),
        },
        sourceChanges: null,
      });
      await member
        .put(`/api/charters/${id}/translations/ar/purpose`)
        .send({ revision: 1, heading: 'الغرض', body: 'تحد الشبكة من المخاطر.' });

      await save(id, 1, withBody('meetings', 'The Round Table meets twice a year.'), 'twice');
      const later = await member.get(`/api/charters/${id}/translations?lang=ar`);
      expect(later.body.revision).toBe(2);
      expect(later.body.dir).toBe('rtl');
      expect(
        later.body.clauses.map((entry: { clauseId: string; status: string }) => [entry.clauseId, entry.status]),
      ).toEqual([
        ['purpose', 'current'],
        ['members', 'missing'],
        ['meetings', 'stale'],
      ]);
      expect(later.body.clauses[2].sourceChanges).toEqual({
        headingOps: [{ op: 'equal', text: 'Meetings' }],
        ops: MEETINGS_ONCE_TO_TWICE,
      });
      // Revision 1 still reads with its translation current.
      const atOne = await member.get(`/api/charters/${id}/translations?lang=ar&revision=1`);
      expect(atOne.body.clauses[2].status).toBe('current');

      const html = await member.get(`/api/charters/${id}/export?format=html&lang=ar`);
      expect(html.status).toBe(200);
      expect(html.headers['content-disposition']).toBe('attachment; filename="translations-r2-ar.html"');
      expect(html.text).toContain('<html lang="ar" dir="rtl">');
      expect(html.text).toContain('<h2>الغرض</h2>\n<p>تحد الشبكة من المخاطر.</p>');
      // No translation yet: the source text is published.
      expect(html.text).toContain('<h2>Members</h2>');
      const english = await member.get(`/api/charters/${id}/export?format=html`);
      expect(english.text).toContain('<html lang="en" dir="ltr">');
      const markdown = await member.get(`/api/charters/${id}/export?format=md&lang=ar`);
      expect(markdown.text).toContain(
        '## الاجتماعات\n<!-- clause:meetings -->\n\nتجتمع المائدة المستديرة مرة واحدة في السنة.',
      );

      const arabicDocx = `/api/charters/${id}/export?format=docx&lang=ar`;
      const documentXml = await downloadXml(member, arabicDocx, 'word/document.xml');
      const stylesXml = await downloadXml(member, arabicDocx, 'word/styles.xml');
      expect(documentXml).toContain('الغرض');
      // Title, three headings and three paragraphs: each one right to left.
      expect(documentXml.match(/<w:bidi\/>/g)?.length).toBe(7);
      expect(stylesXml).toMatch(/<w:rPrDefault><w:rPr>.*<w:rtl\/>.*<\/w:rPr><\/w:rPrDefault>/s);
      const frenchXml = await downloadXml(
        member,
        `/api/charters/${id}/export?format=docx&lang=fr`,
        'word/document.xml',
      );
      expect(frenchXml).not.toContain('<w:bidi');

      const actions = await auditActions(id);
      expect(actions.filter((action) => action === 'charter.translation_saved')).toHaveLength(2);
    });

    it('replaces a translation written against the same revision, and answers 4xx for bad input, storing nothing', async () => {
      const id = await create('bad-translations');
      const url = `/api/charters/${id}/translations`;
      const put = (who: StaffSession, lang: string, clauseId: string, body: unknown) =>
        who.put(`${url}/${lang}/${clauseId}`).send(body as object);
      expect((await put(member, 'fr', 'purpose', { revision: 1, heading: 'Objet', body: 'Premier.' })).status).toBe(
        200,
      );
      const replaced = await put(member, 'fr', 'purpose', { revision: 1, heading: 'Objet', body: 'Le réseau.' });
      expect(replaced.body.translation.body).toBe('Le réseau.');
      const before = (await member.get(`${url}?lang=fr`)).body;
      const auditBefore = await auditActions(id);

      // Each bad request, by the French translation of clause `purpose` as a committee member unless
      // the case says otherwise; the expected error body carries its status.
      const cases: Array<{ who?: StaffSession; lang?: string; clauseId?: string; body: unknown; error: ApiErrorBody }> =
        [
          {
            lang: 'de',
            body: { revision: 1, heading: 'Zweck', body: '' },
            error: errorBody(400, 'bad_request', 'lang must be one of: fr, ru, ar (en is the source language)'),
          },
          {
            lang: 'en',
            body: { revision: 1, heading: 'Purpose', body: '' },
            error: errorBody(400, 'bad_request', 'lang must be one of: fr, ru, ar (en is the source language)'),
          },
          {
            clauseId: 'ghost',
            body: { revision: 1, heading: 'Fantôme', body: '' },
            error: errorBody(404, 'charter_clause_not_found', 'Clause ghost is not in revision 1'),
          },
          {
            body: { revision: 9, heading: 'Objet', body: '' },
            error: errorBody(404, 'charter_revision_not_found', `Revision 9 of charter ${id} not found`),
          },
          {
            body: { revision: 1, heading: '   ', body: '' },
            error: errorBody(400, 'bad_request', 'heading must not be blank'),
          },
          {
            body: { heading: 'Objet', body: 'x' },
            error: errorBody(
              400,
              'bad_request',
              'revision must not be less than 1; revision must be an integer number',
              [
                {
                  field: 'revision',
                  messages: ['revision must not be less than 1', 'revision must be an integer number'],
                },
              ],
            ),
          },
          {
            who: secretariat,
            body: { revision: 1, heading: 'Objet', body: 'x' },
            error: errorBody(403, 'forbidden', 'This action needs one of the roles: admin, committee'),
          },
        ];
      for (const { who = member, lang = 'fr', clauseId = 'purpose', body, error } of cases) {
        const response = await put(who, lang, clauseId, body);
        expect([lang, clauseId, response.status, response.body]).toEqual([lang, clauseId, error.statusCode, error]);
      }
      const badList = await member.get(`${url}?lang=xx`);
      expect(badList.body).toEqual(
        errorBody(400, 'bad_request', 'lang must be one of: fr, ru, ar (en is the source language)', [
          { field: 'lang', messages: ['lang must be one of: fr, ru, ar (en is the source language)'] },
        ]),
      );
      const badExport = await member.get(`/api/charters/${id}/export?format=html&lang=de`);
      expect(badExport.body).toEqual(
        errorBody(400, 'bad_request', 'lang must be one of: en, fr, ru, ar', [
          { field: 'lang', messages: ['lang must be one of: en, fr, ru, ar'] },
        ]),
      );
      const redline = await member.get(`/api/charters/${id}/export?format=html&lang=fr&against=1`);
      expect(redline.body).toEqual(
        errorBody(400, 'bad_request', 'A redline (against) compares the source text; lang is for plain exports'),
      );
      expect((await member.get(`${url}?lang=fr`)).body).toEqual(before);
      expect(await auditActions(id)).toEqual(auditBefore);
    });
  });

  describe('comments on a selection', () => {
    it('takes a passage selected in the rendered clause and finds it again: exact, moved, changed, gone', async () => {
      const id = await create('selection');
      await save(
        id,
        1,
        withBody('members', 'Partner countries appoint a **National Focal Point**.\n\n- Observers may attend.'),
        'emphasis',
      );
      const comment = (quote: string, clauseId = 'members') =>
        member.post(`/api/charters/${id}/comments`).send({ clauseId, quote, body: 'Why?', revision: 2 });
      // A selection spans emphasis and list items: its text has no Markdown, and new lines where blocks meet.
      const selected = await comment('a National Focal Point.\n Observers may');
      expect(selected.status).toBe(201);
      expect(selected.body.quote).toBe('a National Focal Point. Observers may');
      expect(selected.body.anchor).toEqual({
        revision: 2,
        clauseExists: true,
        quoteFound: true,
        status: 'exact',
        clauseId: 'members',
        text: 'a National Focal Point. Observers may',
        similarity: 1,
      });
      await comment('Round Table meets once a year', 'meetings');
      await comment('reduces CBRN risks', 'purpose');

      await save(
        id,
        2,
        [
          { id: 'purpose', heading: 'Purpose', body: 'The network works through regional networks.' },
          { id: 'members', heading: 'Members', body: 'Each partner country appoints a focal point.' },
          {
            id: 'meetings',
            heading: 'Meetings',
            body: 'The Round Table meets twice a year. a National Focal Point. Observers may attend.',
          },
        ],
        'rewrite',
      );
      const later = await member.get(`/api/charters/${id}/comments`);
      expect(
        later.body.map((entry: { anchor: { status: string; clauseId: string | null; text: string | null } }) => [
          entry.anchor.status,
          entry.anchor.clauseId,
          entry.anchor.text,
        ]),
      ).toEqual([
        ['moved', 'meetings', 'a National Focal Point. Observers may'],
        ['changed', 'meetings', 'Round Table meets twice a year'],
        ['gone', null, null],
      ]);
    });
  });
});
