import JSZip from 'jszip';
import type { Response } from 'supertest';
import { CharterSeedService } from '../../server/src/charter/charter-seed.service';
import { asBinary } from '../support/binary-body';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { errorBody } from '../support/api-error';
import { MEETINGS_ONCE_TO_TWICE } from '../support/charter-fixtures';

type Staff = StaffSession & { id: string; email: string };

const BASE_CLAUSES = [
  { id: 'purpose', heading: 'Purpose', body: 'The network reduces CBRN risks.\n\nIt works through regional networks.' },
  {
    id: 'members',
    heading: 'Members',
    body: 'Partner countries appoint a National Focal Point.\n\nObservers may attend.',
  },
  { id: 'meetings', heading: 'Meetings', body: 'The Round Table meets once a year.' },
];

function binary(response: Response & { body: unknown }): Buffer {
  return response.body as Buffer;
}

describe('charter', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let chair: Staff;
  let member: Staff;
  let secretariat: Staff;

  const create = async (slug: string, clauses: unknown[] = BASE_CLAUSES) => {
    const response = await member.post('/api/charters').send({ slug, title: `Charter ${slug}`, clauses });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const head = async (id: string) =>
    (await member.get(`/api/charters/${id}`)).body.head as {
      number: number;
      clauses: Array<{ id: string; heading: string; body: string }>;
    };
  const edit = (clauses: Array<{ id: string; heading: string; body: string }>, id: string, body: string) =>
    clauses.map((clause) => (clause.id === id ? { ...clause, body } : clause));
  /** Revision 1 as `member` created it, without its clauses. */
  const firstRevision = (contentHash: unknown = expect.any(String)) => ({
    number: 1,
    author: { id: member.id, name: 'Test committee' },
    message: 'Created',
    createdAt: expect.any(String),
    parent: null,
    merged: false,
    contentHash,
  });
  const revisionCount = async (id: string) =>
    ((await member.get(`/api/charters/${id}/revisions`)).body as unknown[]).length;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    chair = await createStaff(testApp, admin, 'committee');
    member = await createStaff(testApp, admin, 'committee');
    secretariat = await createStaff(testApp, admin, 'secretariat');
  });
  afterAll(() => testApp.close());

  describe('access', () => {
    it('answers 401 without a session and 403 to the secretariat for writes, 200 for reads', async () => {
      expect((await testApp.http().get('/api/charters')).status).toBe(401);
      const write = await secretariat.post('/api/charters').send({ slug: 'nope', title: 'x', clauses: BASE_CLAUSES });
      expect(write.status).toBe(403);
      expect(write.body).toEqual(errorBody(403, 'forbidden', 'This action needs one of the roles: admin, committee'));
      expect((await secretariat.get('/api/charters')).status).toBe(200);
    });
  });

  describe('documents and revisions', () => {
    it('creates a charter (201 {id, revision: 1}) and reads it back with its head', async () => {
      const response = await member.post('/api/charters').send({
        slug: 'basic',
        title: 'Basic charter',
        clauses: [
          ...BASE_CLAUSES,
          { heading: 'Projects', body: 'Projects answer needs.  \r\n\r\n\r\nThey are evaluated.' },
        ],
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), revision: 1 });
      const got = await secretariat.get(`/api/charters/${response.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual({
        id: response.body.id,
        slug: 'basic',
        title: 'Basic charter',
        chairIds: [],
        head: {
          ...firstRevision(expect.stringMatching(/^[0-9a-f]{64}$/)),
          clauses: [
            ...BASE_CLAUSES,
            {
              id: expect.stringMatching(/^projects-[0-9a-f]{6}$/),
              heading: 'Projects',
              body: 'Projects answer needs.\n\nThey are evaluated.',
            },
          ],
        },
      });
      const list = await member.get('/api/charters');
      expect(list.body).toContainEqual({
        id: response.body.id,
        slug: 'basic',
        title: 'Basic charter',
        headNumber: 1,
        updatedAt: expect.any(String),
      });
    });

    it('rejects bad input with 4xx naming the problem and stores nothing', async () => {
      const before = (await member.get('/api/charters')).body;
      const badSlug = await member.post('/api/charters').send({ slug: 'Bad Slug', title: 'x', clauses: BASE_CLAUSES });
      expect(badSlug.status).toBe(400);
      expect(badSlug.body).toEqual(
        errorBody(400, 'bad_request', 'slug must be lower-case letters, digits and "-" (at most 80)', [
          { field: 'slug', messages: ['slug must be lower-case letters, digits and "-" (at most 80)'] },
        ]),
      );
      const badClause = await member
        .post('/api/charters')
        .send({ slug: 'x1', title: 'x', clauses: [{ id: 'a b', heading: 'H', body: 'B', extra: 1 }] });
      expect(badClause.status).toBe(400);
      expect(badClause.body.details).toEqual([
        { field: 'clauses.0.extra', messages: ['property extra should not exist'] },
        { field: 'clauses.0.id', messages: ['id must be 1 to 64 letters, digits, "_" or "-"'] },
      ]);
      const duplicate = await member
        .post('/api/charters')
        .send({ slug: 'x2', title: 'x', clauses: [BASE_CLAUSES[0], BASE_CLAUSES[0]] });
      expect(duplicate.status).toBe(422);
      expect(duplicate.body).toEqual(
        errorBody(422, 'charter_invalid_clauses', 'Clause id purpose appears more than once', [
          { index: 1, field: 'id', message: 'Clause id purpose appears more than once' },
        ]),
      );
      const empty = await member.post('/api/charters').send({ slug: 'x3', title: 'x', clauses: [] });
      expect([empty.status, empty.body.message]).toEqual([422, 'A charter needs at least one clause']);
      const taken = await member.post('/api/charters').send({ slug: 'basic', title: 'again', clauses: BASE_CLAUSES });
      expect(taken.status).toBe(409);
      expect(taken.body).toEqual(errorBody(409, 'charter_slug_taken', 'A charter with slug basic already exists'));
      expect((await member.get('/api/charters')).body).toEqual(before);
    });

    it('answers 404 for an unknown charter or revision and 400 for a malformed id', async () => {
      const unknown = await member.get('/api/charters/00000000-0000-4000-8000-000000000000');
      expect(unknown.body).toEqual(
        errorBody(404, 'charter_not_found', 'Charter 00000000-0000-4000-8000-000000000000 not found'),
      );
      const malformed = await member.get('/api/charters/not-a-uuid');
      expect(malformed.body).toEqual(errorBody(400, 'bad_request', 'id must be a UUID'));
      const id = await create('for-404');
      const revision = await member.get(`/api/charters/${id}/revisions/9`);
      expect(revision.body).toEqual(
        errorBody(404, 'charter_revision_not_found', `Revision 9 of charter ${id} not found`),
      );
      const notNumber = await member.get(`/api/charters/${id}/revisions/abc`);
      expect(notNumber.body).toEqual(errorBody(400, 'bad_request', 'n must be a revision number'));
    });

    it('saves a revision on the head (201 {number}), lists revisions and reads each snapshot', async () => {
      const id = await create('plain-save');
      const saved = await chair.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        message: 'Twice a year',
        clauses: edit(BASE_CLAUSES, 'meetings', 'The Round Table meets twice a year.'),
      });
      expect(saved.status).toBe(201);
      expect(saved.body).toEqual({ number: 2 });
      const list = await member.get(`/api/charters/${id}/revisions`);
      expect(list.body).toEqual([
        {
          number: 2,
          author: { id: chair.id, name: 'Test committee' },
          message: 'Twice a year',
          createdAt: expect.any(String),
          parent: 1,
          merged: false,
          contentHash: expect.any(String),
        },
        firstRevision(),
      ]);
      const first = await member.get(`/api/charters/${id}/revisions/1`);
      expect(first.body.clauses).toEqual(BASE_CLAUSES);
      const audit = await admin.get(`/api/audit?subject=charter:${id}`);
      expect(audit.body.map((event: { action: string }) => event.action)).toEqual([
        'charter.revision_saved',
        'charter.created',
      ]);
    });

    it('rejects a bad save with 4xx and saves nothing', async () => {
      const id = await create('bad-saves');
      const noBase = await member.post(`/api/charters/${id}/revisions`).send({ clauses: BASE_CLAUSES, message: 'x' });
      expect(noBase.status).toBe(400);
      expect(noBase.body.details).toEqual([
        {
          field: 'baseRevision',
          messages: ['baseRevision must not be less than 1', 'baseRevision must be an integer number'],
        },
      ]);
      const future = await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 7, clauses: BASE_CLAUSES, message: 'x' });
      expect(future.body).toEqual(
        errorBody(404, 'charter_revision_not_found', 'Base revision 7 does not exist; the head is revision 1'),
      );
      const same = await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, clauses: BASE_CLAUSES, message: 'nothing' });
      expect(same.body).toEqual(errorBody(422, 'charter_no_changes', 'Nothing changed compared with revision 1'));
      const blank = await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, clauses: [{ heading: '   ', body: '' }], message: 'x' });
      expect([blank.status, blank.body.message]).toEqual([422, 'A clause heading must not be blank']);
      const noEvidenceSource = await member.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        clauses: edit(BASE_CLAUSES, 'meetings', 'Changed.'),
        message: 'x',
        evidence: [{ question: 'q1' }],
      });
      expect(noEvidenceSource.body).toEqual(errorBody(400, 'bad_request', 'evidence needs a campaignId or a surveyId'));
      expect(await revisionCount(id)).toBe(1);
    });

    it('merges an edit of an older base with different clauses and paragraphs changed since (201 merged)', async () => {
      const id = await create('merge-ok');
      await chair.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        message: 'theirs',
        clauses: edit(
          BASE_CLAUSES,
          'purpose',
          'The network reduces CBRN risks.\n\nIt works through eight regional networks.',
        ),
      });
      const mine = edit(
        edit(
          BASE_CLAUSES,
          'purpose',
          'The network reduces chemical, biological, radiological and nuclear risks.\n\nIt works through regional networks.',
        ),
        'meetings',
        'The Round Table meets twice a year.',
      );
      const merged = await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, message: 'mine', clauses: [...mine, { heading: 'New', body: 'Added.' }] });
      expect(merged.status).toBe(201);
      expect(merged.body).toEqual({ number: 3, merged: true });
      const result = await head(id);
      expect(result.clauses).toEqual([
        {
          id: 'purpose',
          heading: 'Purpose',
          body: 'The network reduces chemical, biological, radiological and nuclear risks.\n\nIt works through eight regional networks.',
        },
        BASE_CLAUSES[1],
        { id: 'meetings', heading: 'Meetings', body: 'The Round Table meets twice a year.' },
        { id: expect.stringMatching(/^new-/), heading: 'New', body: 'Added.' },
      ]);
    });

    it('answers 409 with every conflict when the same text changed, and saves nothing', async () => {
      const id = await create('merge-conflict');
      await chair.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        message: 'theirs',
        clauses: edit(BASE_CLAUSES, 'meetings', 'The Round Table meets twice a year.'),
      });
      const conflict = await member.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        message: 'mine',
        clauses: edit(BASE_CLAUSES, 'meetings', 'The Round Table meets every quarter.'),
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual(
        errorBody(
          409,
          'charter_merge_conflict',
          'Your edit of revision 1 overlaps changes made since (head is revision 2); nothing was saved',
          {
            conflicts: [
              {
                clauseId: 'meetings',
                base: BASE_CLAUSES[2],
                theirs: { id: 'meetings', heading: 'Meetings', body: 'The Round Table meets twice a year.' },
                yours: { id: 'meetings', heading: 'Meetings', body: 'The Round Table meets every quarter.' },
              },
            ],
          },
        ),
      );
      expect(await revisionCount(id)).toBe(2);
    });

    it('serializes two concurrent saves on one base: one plain 201, the other merged 201 or 409, nothing lost', async () => {
      const id = await create('concurrent');
      const [left, right] = await Promise.all([
        chair
          .post(`/api/charters/${id}/revisions`)
          .send({ baseRevision: 1, message: 'left', clauses: edit(BASE_CLAUSES, 'purpose', 'Left edit.') }),
        member
          .post(`/api/charters/${id}/revisions`)
          .send({ baseRevision: 1, message: 'right', clauses: edit(BASE_CLAUSES, 'meetings', 'Right edit.') }),
      ]);
      const bodies = [left.body, right.body].sort((a, b) => a.number - b.number);
      expect([left.status, right.status]).toEqual([201, 201]);
      expect(bodies).toEqual([{ number: 2 }, { number: 3, merged: true }]);
      const result = await head(id);
      expect(result.clauses.map((clause) => clause.body)).toEqual(['Left edit.', BASE_CLAUSES[1].body, 'Right edit.']);

      const [a, b] = await Promise.all([
        chair
          .post(`/api/charters/${id}/revisions`)
          .send({ baseRevision: 3, message: 'a', clauses: edit(result.clauses, 'purpose', 'A wins?') }),
        member
          .post(`/api/charters/${id}/revisions`)
          .send({ baseRevision: 3, message: 'b', clauses: edit(result.clauses, 'purpose', 'B wins?') }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const winner = a.status === 201 ? a : b;
      expect(winner.body).toEqual({ number: 4 });
      expect(await revisionCount(id)).toBe(4);
    });

    it('imports a whole Markdown document, keeping ids by comment and by similarity', async () => {
      const id = await create('import');
      const exported = await member.get(`/api/charters/${id}/export?format=md`);
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(exported.text).toBe(
        `# Charter import\n\n## Purpose\n<!-- clause:purpose -->\n\n${BASE_CLAUSES[0].body}\n\n## Members\n<!-- clause:members -->\n\n${BASE_CLAUSES[1].body}\n\n## Meetings\n<!-- clause:meetings -->\n\n${BASE_CLAUSES[2].body}\n`,
      );
      const markdown = exported.text
        .replace('<!-- clause:members -->\n', '')
        .replace('## Members', '## Membership')
        .replace('Observers may attend.', 'Observers may attend meetings.')
        .concat('\n## Languages\n\nEnglish, French, Russian and Arabic.\n');
      const imported = await member
        .post(`/api/charters/${id}/import`)
        .send({ baseRevision: 1, markdown, message: 'Imported' });
      expect(imported.body).toEqual({ number: 2 });
      const clauses = (await head(id)).clauses;
      expect(clauses.map((clause) => clause.id)).toEqual([
        'purpose',
        'members',
        'meetings',
        expect.stringMatching(/^languages-/),
      ]);
      expect(clauses[1]).toEqual({
        id: 'members',
        heading: 'Membership',
        body: 'Partner countries appoint a National Focal Point.\n\nObservers may attend meetings.',
      });
      const noHeadings = await member
        .post(`/api/charters/${id}/import`)
        .send({ baseRevision: 2, markdown: 'just text', message: 'x' });
      expect(noHeadings.body).toEqual(
        errorBody(422, 'charter_invalid_clauses', 'The Markdown has no headings: one clause per heading is expected'),
      );
      expect(await revisionCount(id)).toBe(2);
    });
  });

  describe('diff, blame and history', () => {
    let id: string;
    beforeAll(async () => {
      id = await create('views');
      const moved = [
        BASE_CLAUSES[1],
        BASE_CLAUSES[0],
        { ...BASE_CLAUSES[2], heading: 'Round Table', body: 'The Round Table meets twice a year.' },
      ];
      await chair
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, message: 'Move and edit', clauses: moved });
      await member.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 2,
        message: 'Drop members, add projects',
        clauses: [moved[1], moved[2], { id: 'projects', heading: 'Projects', body: 'Projects answer needs.' }],
      });
    });

    it('diffs two revisions clause by clause, with word-level ops', async () => {
      const response = await secretariat.get(`/api/charters/${id}/diff?from=1&to=3`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: 1,
        to: 3,
        clauses: [
          { id: 'purpose', status: 'unchanged', heading: 'Purpose' },
          { id: 'members', status: 'removed', heading: 'Members', body: BASE_CLAUSES[1].body },
          {
            id: 'meetings',
            status: 'modified',
            heading: 'Round Table',
            headingOps: [
              { op: 'delete', text: 'Meetings' },
              { op: 'insert', text: 'Round Table' },
            ],
            ops: MEETINGS_ONCE_TO_TWICE,
          },
          { id: 'projects', status: 'added', heading: 'Projects', body: 'Projects answer needs.' },
        ],
      });
      const moved = await member.get(`/api/charters/${id}/diff?from=1&to=2`);
      expect(
        moved.body.clauses.map((entry: { id: string; status: string; moved?: boolean }) => [
          entry.id,
          entry.status,
          entry.moved ?? false,
        ]),
      ).toEqual([
        ['members', 'unchanged', false],
        ['purpose', 'moved', false],
        ['meetings', 'modified', false],
      ]);
    });

    it('answers 400 and 404 for bad diff parameters', async () => {
      const missing = await member.get(`/api/charters/${id}/diff?from=1`);
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([
        { field: 'to', messages: ['to must not be less than 1', 'to must be an integer number'] },
      ]);
      const unknown = await member.get(`/api/charters/${id}/diff?from=1&to=99`);
      expect(unknown.body).toEqual(
        errorBody(404, 'charter_revision_not_found', `Revision 99 of charter ${id} not found`),
      );
    });

    it('blames each paragraph on the revision that last changed it', async () => {
      const response = await member.get(`/api/charters/${id}/blame?revision=3`);
      const by = (revision: number, message: string, author: Staff) => ({
        revision,
        message,
        author: 'Test committee',
        createdAt: expect.any(String),
        _: author.id,
      });
      const strip = (entry: ReturnType<typeof by>) => ({
        revision: entry.revision,
        message: entry.message,
        author: entry.author,
        createdAt: entry.createdAt,
      });
      expect(response.body).toEqual({
        revision: 3,
        clauses: [
          {
            id: 'purpose',
            heading: 'Purpose',
            headingRevision: 1,
            paragraphs: [
              { text: 'The network reduces CBRN risks.', ...strip(by(1, 'Created', member)) },
              { text: 'It works through regional networks.', ...strip(by(1, 'Created', member)) },
            ],
          },
          {
            id: 'meetings',
            heading: 'Round Table',
            headingRevision: 2,
            paragraphs: [{ text: 'The Round Table meets twice a year.', ...strip(by(2, 'Move and edit', chair)) }],
          },
          {
            id: 'projects',
            heading: 'Projects',
            headingRevision: 3,
            paragraphs: [{ text: 'Projects answer needs.', ...strip(by(3, 'Drop members, add projects', member)) }],
          },
        ],
      });
      expect((await member.get(`/api/charters/${id}/blame`)).body.revision).toBe(3);
      expect((await member.get(`/api/charters/${id}/blame?revision=0`)).status).toBe(400);
    });

    it('gives the history of one clause across all revisions', async () => {
      const response = await member.get(`/api/charters/${id}/clauses/members/history`);
      expect(response.body).toEqual([
        {
          revision: 1,
          author: 'Test committee',
          createdAt: expect.any(String),
          message: 'Created',
          changes: ['added'],
          heading: 'Members',
          body: BASE_CLAUSES[1].body,
        },
        {
          revision: 3,
          author: 'Test committee',
          createdAt: expect.any(String),
          message: 'Drop members, add projects',
          changes: ['removed'],
          heading: null,
          body: null,
        },
      ]);
      const meetings = await member.get(`/api/charters/${id}/clauses/meetings/history`);
      expect(
        meetings.body.map((entry: { revision: number; changes: string[] }) => [entry.revision, entry.changes]),
      ).toEqual([
        [1, ['added']],
        [2, ['renamed', 'modified']],
      ]);
      const unknown = await member.get(`/api/charters/${id}/clauses/ghost/history`);
      expect(unknown.body).toEqual(
        errorBody(404, 'charter_clause_not_found', `Clause ghost never appeared in charter ${id}`),
      );
    });

    it('exports html, docx and redlines', async () => {
      const html = await member.get(`/api/charters/${id}/export?format=html&revision=1`);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.headers['content-disposition']).toBe('attachment; filename="views-r1.html"');
      expect(html.text).toContain(
        '<section id="clause-purpose"><h2>Purpose</h2>\n<p>The network reduces CBRN risks.</p>\n<p>It works through regional networks.</p>\n</section>',
      );
      const redline = await member.get(`/api/charters/${id}/export?format=html&revision=3&against=1`);
      // Each change names the revision that made it (2: meetings, 3: members and projects).
      const by = (revision: number) =>
        `title="[^"]*" data-revision="${revision}" data-author="Test committee" datetime="[^"]+"`;
      expect(redline.text).toMatch(
        new RegExp(`The Round Table meets <del ${by(2)}>once</del><ins ${by(2)}>twice</ins> a year\\.`),
      );
      expect(redline.text).toMatch(new RegExp(`<h2><del ${by(3)}>Members</del></h2>`));
      expect(redline.text).toMatch(new RegExp(`<h2><ins ${by(3)}>Projects</ins></h2>`));

      const docx = await asBinary(member.get(`/api/charters/${id}/export?format=docx&revision=3&against=1`));
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const xml = await (await JSZip.loadAsync(binary(docx))).file('word/document.xml')!.async('string');
      expect(xml).toMatch(/<w:ins [^>]*w:author="Test committee"/);
      expect(xml).toMatch(/<w:del [^>]*w:author="Test committee"/);

      const badFormat = await member.get(`/api/charters/${id}/export?format=pdf`);
      expect(badFormat.body).toEqual(
        errorBody(400, 'bad_request', 'format must be one of: md, html, docx', [
          { field: 'format', messages: ['format must be one of: md, html, docx'] },
        ]),
      );
      const mdRedline = await member.get(`/api/charters/${id}/export?format=md&against=1`);
      expect(mdRedline.body).toEqual(
        errorBody(400, 'bad_request', 'A redline (against) is available as html or docx, not md'),
      );
    });
  });

  describe('comments', () => {
    it('anchors comments to a clause and a quote, threads replies, resolves, and follows later revisions', async () => {
      const id = await create('comments');
      const comment = await member
        .post(`/api/charters/${id}/comments`)
        .send({ clauseId: 'meetings', quote: 'once a year', body: 'Too rare?' });
      expect(comment.status).toBe(201);
      expect(comment.body).toEqual({
        id: expect.any(String),
        clauseId: 'meetings',
        amendmentId: null,
        revision: 1,
        quote: 'once a year',
        body: 'Too rare?',
        parentId: null,
        author: { id: member.id, name: 'Test committee' },
        createdAt: expect.any(String),
        resolved: false,
        resolvedAt: null,
        anchor: {
          revision: 1,
          clauseExists: true,
          quoteFound: true,
          status: 'exact',
          clauseId: 'meetings',
          text: 'once a year',
          similarity: 1,
        },
      });
      const reply = await chair
        .post(`/api/charters/${id}/comments`)
        .send({ parentId: comment.body.id, body: 'Agreed.' });
      expect(reply.body).toMatchObject({
        clauseId: 'meetings',
        parentId: comment.body.id,
        quote: null,
        anchor: { revision: 1, clauseExists: true, quoteFound: null, status: null },
      });

      await chair.post(`/api/charters/${id}/revisions`).send({
        baseRevision: 1,
        message: 'twice',
        clauses: edit(BASE_CLAUSES, 'meetings', 'The Round Table meets twice a year.'),
      });
      const later = await member.get(`/api/charters/${id}/comments`);
      // "once a year" became "twice a year": the passage is found again, lightly changed.
      expect(later.body.map((entry: { anchor: unknown }) => entry.anchor)).toEqual([
        {
          revision: 2,
          clauseExists: true,
          quoteFound: false,
          status: 'changed',
          clauseId: 'meetings',
          text: 'twice a year',
          similarity: 0.75,
        },
        {
          revision: 2,
          clauseExists: true,
          quoteFound: null,
          status: null,
          clauseId: null,
          text: null,
          similarity: null,
        },
      ]);
      const atOne = await member.get(`/api/charters/${id}/comments?revision=1`);
      expect(atOne.body[0].anchor).toMatchObject({
        revision: 1,
        clauseExists: true,
        quoteFound: true,
        status: 'exact',
      });

      const resolved = await member.post(`/api/charters/${id}/comments/${comment.body.id}/resolve`);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ resolved: true, resolvedAt: expect.any(String) });
      const reopened = await member.post(`/api/charters/${id}/comments/${comment.body.id}/reopen`);
      expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null });
    });

    it('rejects comments that anchor nowhere or to text that is not there, and stores nothing', async () => {
      const id = await create('bad-comments');
      const neither = await member.post(`/api/charters/${id}/comments`).send({ body: 'x' });
      expect(neither.body).toEqual(
        errorBody(400, 'bad_request', 'A comment needs exactly one of clauseId or amendmentId (or a parentId)'),
      );
      const ghost = await member.post(`/api/charters/${id}/comments`).send({ clauseId: 'ghost', body: 'x' });
      expect(ghost.body).toEqual(errorBody(404, 'charter_clause_not_found', 'Clause ghost is not in revision 1'));
      const quote = await member
        .post(`/api/charters/${id}/comments`)
        .send({ clauseId: 'meetings', quote: 'not there', body: 'x' });
      expect(quote.body).toEqual(
        errorBody(422, 'charter_invalid_reference', 'The quoted passage is not in clause meetings of revision 1'),
      );
      const parent = await member
        .post(`/api/charters/${id}/comments`)
        .send({ parentId: '00000000-0000-4000-8000-000000000000', body: 'x' });
      expect(parent.body).toEqual(
        errorBody(
          404,
          'charter_comment_not_found',
          'Comment 00000000-0000-4000-8000-000000000000 not found on this charter',
        ),
      );
      const emptyBody = await member.post(`/api/charters/${id}/comments`).send({ clauseId: 'meetings', body: '' });
      expect(emptyBody.status).toBe(400);
      const resolveUnknown = await member.post(
        `/api/charters/${id}/comments/00000000-0000-4000-8000-000000000000/resolve`,
      );
      expect(resolveUnknown.status).toBe(404);
      const bySecretariat = await secretariat
        .post(`/api/charters/${id}/comments`)
        .send({ clauseId: 'meetings', body: 'x' });
      expect(bySecretariat.status).toBe(403);
      expect((await member.get(`/api/charters/${id}/comments`)).body).toEqual([]);
    });
  });

  describe('amendments, chairs and evidence', () => {
    it('lets a member propose, only the chair decide; accepting saves a merged revision, rejecting keeps a reason', async () => {
      const id = await create('amendments');
      const chairs = await admin.put(`/api/charters/${id}/chairs`).send({ userIds: [chair.id] });
      expect(chairs.body).toEqual({ chairIds: [chair.id] });
      const badChair = await admin.put(`/api/charters/${id}/chairs`).send({ userIds: [secretariat.id] });
      expect(badChair.body).toEqual(
        errorBody(422, 'charter_invalid_reference', `Not committee members: ${secretariat.id}`, {
          userIds: [secretariat.id],
        }),
      );
      expect((await member.put(`/api/charters/${id}/chairs`).send({ userIds: [] })).status).toBe(403);

      const proposed = await member.post(`/api/charters/${id}/amendments`).send({
        baseRevision: 1,
        clauseId: 'meetings',
        heading: 'Meetings',
        body: 'The Round Table meets twice a year.',
        rationale: 'Once is not enough.',
      });
      expect(proposed.status).toBe(201);
      expect(proposed.body).toEqual({
        id: expect.any(String),
        number: 1,
        status: 'proposed',
        baseRevision: 1,
        clauseId: 'meetings',
        isNewClause: false,
        afterClauseId: null,
        heading: 'Meetings',
        body: 'The Round Table meets twice a year.',
        rationale: 'Once is not enough.',
        author: { id: member.id, name: 'Test committee' },
        createdAt: expect.any(String),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        resultingRevision: null,
        diff: {
          id: 'meetings',
          status: 'modified',
          heading: 'Meetings',
          ops: MEETINGS_ONCE_TO_TWICE,
        },
        votes: { support: 0, oppose: 0, mine: null },
      });
      const newClause = await member.post(`/api/charters/${id}/amendments`).send({
        baseRevision: 1,
        afterClauseId: 'purpose',
        heading: 'Principles',
        body: 'Voluntary.',
        rationale: 'Missing.',
      });
      expect(newClause.body).toMatchObject({
        number: 2,
        isNewClause: true,
        clauseId: expect.stringMatching(/^principles-/),
        diff: { status: 'added', body: 'Voluntary.' },
      });

      // Someone edits another clause meanwhile: accepting merges the amendment with it.
      await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, message: 'purpose', clauses: edit(BASE_CLAUSES, 'purpose', 'Changed purpose.') });

      const notChair = await member.post(`/api/charters/${id}/amendments/${proposed.body.id}/accept`).send({});
      expect(notChair.body).toEqual(
        errorBody(403, 'charter_not_chair', 'Only the chair of this charter (or an admin) decides amendments'),
      );
      const accepted = await chair.post(`/api/charters/${id}/amendments/${proposed.body.id}/accept`).send({});
      expect(accepted.status).toBe(201);
      expect(accepted.body).toEqual({ number: 3, merged: true });
      expect((await head(id)).clauses.map((clause) => clause.body)).toEqual([
        'Changed purpose.',
        BASE_CLAUSES[1].body,
        'The Round Table meets twice a year.',
      ]);
      const again = await chair.post(`/api/charters/${id}/amendments/${proposed.body.id}/accept`).send({});
      expect(again.body).toEqual(errorBody(409, 'charter_amendment_decided', 'Amendment 1 was already accepted'));

      const noReason = await admin.post(`/api/charters/${id}/amendments/${newClause.body.id}/reject`).send({});
      expect(noReason.body).toEqual(errorBody(400, 'bad_request', 'reason is required to reject an amendment'));
      const rejected = await admin
        .post(`/api/charters/${id}/amendments/${newClause.body.id}/reject`)
        .send({ reason: 'Covered elsewhere.' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        decisionReason: 'Covered elsewhere.',
        decidedBy: { name: 'Administrator' },
        resultingRevision: null,
      });

      const list = await secretariat.get(`/api/charters/${id}/amendments`);
      expect(
        list.body.map((amendment: { number: number; status: string; resultingRevision: number | null }) => [
          amendment.number,
          amendment.status,
          amendment.resultingRevision,
        ]),
      ).toEqual([
        [1, 'accepted', 3],
        [2, 'rejected', null],
      ]);
      const comment = await chair
        .post(`/api/charters/${id}/comments`)
        .send({ amendmentId: proposed.body.id, body: 'Good change.' });
      expect(comment.body).toMatchObject({ amendmentId: proposed.body.id, clauseId: null, anchor: null });
      expect(await revisionCount(id)).toBe(3);
    });

    it('leaves an amendment proposed when accepting it conflicts (409) and rejects bad proposals', async () => {
      const id = await create('amendment-conflict');
      const proposed = await member
        .post(`/api/charters/${id}/amendments`)
        .send({ baseRevision: 1, clauseId: 'meetings', heading: 'Meetings', body: 'Quarterly.', rationale: 'r' });
      await member
        .post(`/api/charters/${id}/revisions`)
        .send({ baseRevision: 1, message: 'other', clauses: edit(BASE_CLAUSES, 'meetings', 'Monthly.') });
      const conflict = await admin.post(`/api/charters/${id}/amendments/${proposed.body.id}/accept`).send({});
      expect(conflict.status).toBe(409);
      expect(conflict.body.details.conflicts[0]).toMatchObject({
        clauseId: 'meetings',
        yours: { body: 'Quarterly.' },
        theirs: { body: 'Monthly.' },
      });
      expect((await member.get(`/api/charters/${id}/amendments`)).body[0].status).toBe('proposed');
      expect(await revisionCount(id)).toBe(2);

      const ghost = await member
        .post(`/api/charters/${id}/amendments`)
        .send({ baseRevision: 1, clauseId: 'ghost', heading: 'x', body: 'y', rationale: 'r' });
      expect(ghost.body).toEqual(errorBody(404, 'charter_clause_not_found', 'Clause ghost is not in revision 1'));
      const noRationale = await member
        .post(`/api/charters/${id}/amendments`)
        .send({ baseRevision: 1, clauseId: 'meetings', heading: 'x', body: 'y' });
      expect(noRationale.status).toBe(400);
      expect(noRationale.body.details[0].field).toBe('rationale');
      expect((await member.get(`/api/charters/${id}/amendments`)).body).toHaveLength(1);
    });

    // Citations computed by the server from real tallies: test/e2e/evidence-loop.e2e-spec.ts.
    it('refuses a citation without a source or a target, or with an unknown revision, before tallying', async () => {
      const id = await create('evidence');
      const campaignId = '11111111-1111-4111-8111-111111111111';
      const noSource = await member.post(`/api/charters/${id}/evidence`).send({ revision: 1, question: 'q' });
      expect(noSource.body).toEqual(errorBody(400, 'bad_request', 'evidence needs a campaignId or a surveyId'));
      const noTarget = await member.post(`/api/charters/${id}/evidence`).send({ campaignId, question: 'q' });
      expect(noTarget.body).toEqual(
        errorBody(400, 'bad_request', 'evidence must cite a revision, an amendmentId or a clauseId'),
      );
      const badRevision = await member
        .post(`/api/charters/${id}/evidence`)
        .send({ campaignId, question: 'q', revision: 9 });
      expect(badRevision.body).toEqual(
        errorBody(404, 'charter_revision_not_found', `Revision 9 of charter ${id} not found`),
      );
      expect((await member.get(`/api/charters/${id}/evidence`)).body).toEqual([]);
    });
  });

  describe('seed', () => {
    it('seeds the baseline charter with a drafting history once, and again changes nothing', async () => {
      const seed = testApp.app.get(CharterSeedService);
      // The start-up path: waits for the first admin (there is one), then seeds in the background.
      seed.start(true);
      await seed.whenSeeded();
      await seed.seed();
      const list = (await member.get('/api/charters')).body as Array<{ id: string; slug: string; headNumber: number }>;
      const seeded = list.filter((entry) => entry.slug === 'coe-charter');
      expect(seeded).toHaveLength(1);
      expect(seeded[0].headNumber).toBe(5);
      const document = (await member.get(`/api/charters/${seeded[0].id}`)).body;
      expect(document.head.clauses).toHaveLength(15);
      const revisions = (await member.get(`/api/charters/${seeded[0].id}/revisions`)).body as Array<{
        author: { name: string };
      }>;
      expect(new Set(revisions.map((revision) => revision.author.name)).size).toBeGreaterThanOrEqual(4);
      const amendments = (await member.get(`/api/charters/${seeded[0].id}/amendments`)).body as Array<{
        status: string;
      }>;
      expect(amendments.map((amendment) => amendment.status)).toEqual(['accepted', 'rejected']);
      const comments = (await member.get(`/api/charters/${seeded[0].id}/comments`)).body as unknown[];
      expect(comments.length).toBeGreaterThanOrEqual(4);
      const users = (await admin.get('/api/users')).body as Array<{ email: string; role: string }>;
      expect(users.filter((user) => user.email.endsWith('@concord.local') && user.role === 'committee')).toHaveLength(
        4,
      );
    });
  });
});
