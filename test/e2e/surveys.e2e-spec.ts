import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { errorBody } from '../support/api-error';

const SIMPLE = {
  pages: [
    {
      name: 'intro',
      elements: [
        {
          type: 'radiogroup',
          name: 'colour',
          title: { default: 'Colour?', fr: 'Couleur ?' },
          choices: ['red', 'blue'],
        },
        { type: 'comment', name: 'why', visibleIf: "{colour} = 'red'" },
      ],
    },
  ],
};

function withElements(elements: unknown[]): Record<string, unknown> {
  return { pages: [{ name: 'p', elements }] };
}

function invalid(details: Array<{ path: string; message: string }>): Record<string, unknown> {
  return {
    statusCode: 422,
    error: 'Unprocessable Entity',
    code: 'invalid_definition',
    message: `The definition is not a valid questionnaire (${details.length} problem${details.length === 1 ? '' : 's'})`,
    details,
  };
}

describe('surveys and versions', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession;
  let committee: StaffSession;
  let seededId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    secretariat = await createStaff(testApp, admin, 'secretariat');
    committee = await createStaff(testApp, admin, 'committee');
    const list = await secretariat.get('/api/surveys');
    seededId = (list.body as Array<{ id: string; slug: string }>).find(
      (survey) => survey.slug === 'charter-review',
    )!.id;
  });
  afterAll(() => testApp.close());

  /** Adds a version with this definition; the status and body of the answer. */
  async function addVersion(id: string, definition: unknown): Promise<[number, unknown]> {
    const response = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition });
    return [response.status, response.body];
  }

  async function createSurvey(slug: string): Promise<string> {
    const response = await secretariat.post('/api/surveys').send({ slug, title: `Survey ${slug}` });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  describe('the seeded questionnaire', () => {
    it('is listed with two published versions, created by the system', async () => {
      const response = await committee.get('/api/surveys');
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        {
          id: seededId,
          slug: 'charter-review',
          title: 'Review of the CoE Charter: roles and responsibilities',
          createdAt: expect.any(String),
          latestVersion: 2,
          publishedVersions: [1, 2],
        },
      ]);
      const audit = await admin.get(`/api/audit?subject=survey:${seededId}`);
      expect(
        (audit.body as Array<{ action: string; actor: string | null }>)
          .map((event) => [event.action, event.actor])
          .reverse(),
      ).toEqual([
        ['survey.created', null],
        ['survey_version.created', null],
        ['survey_version.published', null],
        ['survey_version.created', null],
        ['survey_version.published', null],
      ]);
    });

    it('diffs version 1 against version 2 exactly, with each question before and after', async () => {
      const response = await committee.get(`/api/surveys/${seededId}/versions/1/diff/2`);
      expect(response.status).toBe(200);
      const changes = response.body.changes as Array<Record<string, unknown>>;
      expect(changes.map(({ before: _before, after: _after, ...change }) => change)).toEqual([
        {
          question: 'nfp_role_clarity',
          kind: 'changed',
          fields: ['title.default', 'title.ar', 'title.fr', 'title.ru'],
        },
        { question: 'nfp_tasks', kind: 'changed', fields: ['choices'], choicesAdded: ['mobilise_resources'] },
        {
          question: 'jrc_tools',
          kind: 'changed',
          fields: ['page'],
          movedFrom: { page: 'partners' },
          movedTo: { page: 'experts' },
        },
        { question: 'rtm_frequency', kind: 'changed', fields: ['choices'], choicesRemoved: ['three'] },
        { question: 'network_cooperation', kind: 'added' },
      ]);
      const [clarity, tasks, , frequency, added] = changes as Array<{
        before?: { title: Record<string, string>; choices: unknown[]; conditions: unknown; isRequired: boolean };
        after?: { title: Record<string, string>; choices: unknown[]; conditions: unknown };
      }>;
      expect([clarity.before!.title, clarity.after!.title]).toEqual([
        {
          default: 'How clearly does the Charter describe the role of the National Focal Point?',
          fr: 'Avec quelle clarté la Charte décrit-elle le rôle du Point focal national ?',
          ru: 'Насколько ясно Хартия описывает роль национального координатора?',
          ar: 'ما مدى وضوح وصف الميثاق لدور نقطة الاتصال الوطنية؟',
        },
        {
          default: 'How clearly does the Charter define the responsibilities of the National Focal Point?',
          fr: 'Avec quelle clarté la Charte définit-elle les responsabilités du Point focal national ?',
          ru: 'Насколько чётко Хартия определяет обязанности национального координатора?',
          ar: 'ما مدى وضوح تحديد الميثاق لمسؤوليات نقطة الاتصال الوطنية؟',
        },
      ]);
      expect([clarity.before!.isRequired, clarity.before!.conditions]).toEqual([true, {}]);
      expect(tasks.after!.choices.at(-1)).toEqual({
        value: 'mobilise_resources',
        text: {
          default: 'Mobilise national resources',
          fr: 'Mobiliser les ressources nationales',
          ru: 'Мобилизовать национальные ресурсы',
          ar: 'حشد الموارد الوطنية',
        },
      });
      expect(frequency.before!.choices).toHaveLength(3);
      expect(frequency.after!.choices).toHaveLength(2);
      expect([added.before, added.after!.title.default]).toEqual([
        undefined,
        'Should the Charter encourage cooperation between regional networks?',
      ]);
      const backwards = await committee.get(`/api/surveys/${seededId}/versions/2/diff/1`);
      expect(
        (backwards.body.changes as Array<{ question: string; kind: string }>).map((change) => [
          change.question,
          change.kind,
        ]),
      ).toEqual([
        ['nfp_role_clarity', 'changed'],
        ['nfp_tasks', 'changed'],
        ['jrc_tools', 'changed'],
        ['rtm_frequency', 'changed'],
        ['network_cooperation', 'removed'],
      ]);
    });

    it('has every string of version 2 translated into French, Russian and Arabic, none stale', async () => {
      const response = await committee.get(`/api/surveys/${seededId}/versions/2`);
      expect(response.status).toBe(200);
      const body = response.body as {
        version: number;
        status: string;
        translations: { locales: string[]; stale: unknown; missing: Record<string, string[]> };
      };
      expect(body.version).toBe(2);
      expect(body.status).toBe('published');
      expect(body.translations.locales).toEqual(['en', 'ar', 'fr', 'ru']);
      expect(body.translations.stale).toEqual({});
      expect(body.translations.missing).toEqual({ ar: [], fr: [], ru: [] });
      const first = await committee.get(`/api/surveys/${seededId}/versions/1`);
      expect((first.body as { translations: { stale: unknown } }).translations.stale).toEqual({});
    });

    it('is not seeded twice when the application starts again', async () => {
      const second = await createTestApp({}, testApp.database.url);
      try {
        const again = await signIn(second, ADMIN_EMAIL, ADMIN_PASSWORD);
        const list = await again.get('/api/surveys');
        expect(
          (list.body as unknown[]).filter((survey) => (survey as { slug: string }).slug === 'charter-review'),
        ).toHaveLength(1);
        const detail = await again.get(`/api/surveys/${seededId}`);
        expect((detail.body as { versions: unknown[] }).versions).toHaveLength(2);
      } finally {
        await second.app.close();
      }
    });
  });

  describe('create, edit, publish', () => {
    it('creates a survey, a draft version, edits it, publishes it and then refuses changes with 409', async () => {
      const created = await secretariat.post('/api/surveys').send({ slug: 'pilot-feedback', title: 'Pilot feedback' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        slug: 'pilot-feedback',
        title: 'Pilot feedback',
        createdAt: expect.any(String),
        latestVersion: null,
        publishedVersions: [],
      });
      const id = (created.body as { id: string }).id;

      const draft = await secretariat
        .post(`/api/surveys/${id}/versions`)
        .send({ definition: SIMPLE, changelog: 'First draft' });
      expect(draft.status).toBe(201);
      expect(draft.body).toEqual({
        version: 1,
        status: 'draft',
        definitionHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      const edited = { ...SIMPLE, title: 'Pilot feedback' };
      const put = await secretariat
        .put(`/api/surveys/${id}/versions/1`)
        .send({ definition: edited, changelog: 'Titled' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ version: 1, status: 'draft', changelog: 'Titled' });
      expect((put.body as { definitionHash: string }).definitionHash).not.toBe(
        (draft.body as { definitionHash: string }).definitionHash,
      );

      const published = await secretariat.post(`/api/surveys/${id}/versions/1/publish`);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: 1, status: 'published', publishedAt: expect.any(String) });

      const frozen = await secretariat.put(`/api/surveys/${id}/versions/1`).send({ definition: SIMPLE });
      expect(frozen.status).toBe(409);
      expect(frozen.body).toEqual(
        errorBody(409, 'version_frozen', 'Version 1 is published and can no longer be changed'),
      );
      const republish = await secretariat.post(`/api/surveys/${id}/versions/1/publish`);
      expect(republish.body).toEqual(errorBody(409, 'version_frozen', 'Version 1 is already published'));

      const version = await committee.get(`/api/surveys/${id}/versions/1`);
      expect(version.status).toBe(200);
      expect(version.body).toMatchObject({
        version: 1,
        status: 'published',
        definition: edited,
        changelog: 'Titled',
        definitionHash: (put.body as { definitionHash: string }).definitionHash,
      });

      const second = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: SIMPLE });
      expect(second.body).toMatchObject({ version: 2, status: 'draft' });
      const list = await secretariat.get('/api/surveys');
      expect((list.body as Array<{ id: string }>).find((survey) => survey.id === id)).toMatchObject({
        latestVersion: 2,
        publishedVersions: [1],
      });

      const audit = await admin.get(`/api/audit?subject=survey:${id}`);
      expect((audit.body as Array<{ action: string }>).map((event) => event.action).reverse()).toEqual([
        'survey.created',
        'survey_version.created',
        'survey_version.updated',
        'survey_version.published',
        'survey_version.created',
      ]);
    });

    it('answers 409 on a duplicate slug and 400 on a malformed one, creating nothing', async () => {
      await createSurvey('duplicate-me');
      const duplicate = await secretariat.post('/api/surveys').send({ slug: 'duplicate-me', title: 'Again' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toEqual(
        errorBody(409, 'survey_slug_taken', 'A survey with the slug "duplicate-me" already exists'),
      );
      const malformed = await secretariat.post('/api/surveys').send({ slug: 'Not A Slug', title: 'x' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual(
        errorBody(400, 'bad_request', 'slug must be lower-case letters, digits and single hyphens', [
          { field: 'slug', messages: ['slug must be lower-case letters, digits and single hyphens'] },
        ]),
      );
      const list = await secretariat.get('/api/surveys');
      const slugs = (list.body as Array<{ slug: string; title: string }>).filter(
        (survey) => survey.slug === 'duplicate-me',
      );
      expect(slugs).toEqual([expect.objectContaining({ title: 'Survey duplicate-me' })]);
    });

    it('answers 404 for unknown surveys and versions and 400 for malformed ids', async () => {
      const unknown = await secretariat.get('/api/surveys/00000000-0000-4000-8000-000000000000');
      expect(unknown.body).toEqual(errorBody(404, 'survey_not_found', 'No survey has this id'));
      const noVersion = await secretariat.get(`/api/surveys/${seededId}/versions/9`);
      expect(noVersion.body).toEqual(errorBody(404, 'survey_version_not_found', 'This survey has no version 9'));
      const badId = await secretariat.get('/api/surveys/nope');
      expect(badId.body).toEqual(errorBody(400, 'bad_request', 'id must be a UUID'));
      const badVersion = await secretariat.get(`/api/surveys/${seededId}/versions/two`);
      expect(badVersion.body).toEqual(errorBody(400, 'bad_request', 'version must be a version number'));
    });

    it('sanitizes HTML on save so scripts and event handlers never reach a respondent', async () => {
      const id = await createSurvey('html-check');
      const definition = {
        completedHtml: '<p onclick="steal()">Thanks</p><script>alert(1)</script>',
        ...withElements([
          { type: 'html', name: 'intro', html: '<b>Hello</b><img src="x.png" onerror="alert(1)">' },
          { type: 'text', name: 'q' },
        ]),
      };
      expect((await secretariat.post(`/api/surveys/${id}/versions`).send({ definition })).status).toBe(201);
      const saved = await secretariat.get(`/api/surveys/${id}/versions/1`);
      expect((saved.body as { definition: unknown }).definition).toEqual({
        completedHtml: '<p>Thanks</p>',
        ...withElements([
          { type: 'html', name: 'intro', html: '<b>Hello</b><img src="x.png" />' },
          { type: 'text', name: 'q' },
        ]),
      });
    });
  });

  describe('definition checks (422)', () => {
    let id: string;
    beforeAll(async () => {
      id = await createSurvey('bad-definitions');
      expect((await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: SIMPLE })).status).toBe(201);
    });

    const cases: Array<[string, Record<string, unknown>, Array<{ path: string; message: string }>]> = [
      [
        'an unknown question type',
        withElements([
          { type: 'text', name: 'a' },
          { type: 'slidr', name: 'b' },
        ]),
        [{ path: '$.pages[0].elements[1].type', message: 'Unknown question type "slidr"' }],
      ],
      [
        // A dynamic panel's template is a scope of its own, as in survey-core: it may reuse "a", not twice.
        'duplicate question names across panels, and within a dynamic panel',
        withElements([
          { type: 'text', name: 'a' },
          { type: 'panel', name: 'box', elements: [{ type: 'text', name: 'a' }] },
          {
            type: 'paneldynamic',
            name: 'many',
            templateElements: [
              { type: 'comment', name: 'a' },
              { type: 'text', name: 'a' },
            ],
          },
        ]),
        [
          {
            path: '$.pages[0].elements[1].elements[0].name',
            message: 'Duplicate question name "a"; it is also used at $.pages[0].elements[0]',
          },
          {
            path: '$.pages[0].elements[2].templateElements[1].name',
            message: 'Duplicate question name "a"; it is also used at $.pages[0].elements[2].templateElements[0]',
          },
        ],
      ],
      [
        'duplicate matrix column names',
        withElements([
          {
            type: 'matrixdynamic',
            name: 'm',
            columns: [
              { name: 'c', cellType: 'text' },
              { name: 'c', cellType: 'text' },
            ],
          },
        ]),
        [{ path: '$.pages[0].elements[0].columns[1].name', message: 'Duplicate column name "c" in matrix "m"' }],
      ],
      [
        'a choice question without choices',
        withElements([{ type: 'checkbox', name: 'a' }]),
        [{ path: '$.pages[0].elements[0].choices', message: 'Question "a" of type checkbox has no choices' }],
      ],
      [
        'duplicate choice values',
        withElements([
          { type: 'dropdown', name: 'a', choices: ['x', { value: 'y', text: 'Y' }, { value: 'x', text: 'X again' }] },
        ]),
        [{ path: '$.pages[0].elements[0].choices[2]', message: 'Duplicate choice value "x"' }],
      ],
      [
        'a broken condition',
        withElements([
          { type: 'text', name: 'a' },
          { type: 'text', name: 'b', visibleIf: "{a} = 'x' and" },
        ]),
        [
          {
            path: '$.pages[0].elements[1].visibleIf',
            message: 'visibleIf is not a valid expression (error at character 13)',
          },
        ],
      ],
      [
        'a condition naming a question that does not exist',
        withElements([
          { type: 'text', name: 'a' },
          { type: 'text', name: 'b', requiredIf: '{nope} notempty' },
        ]),
        [
          {
            path: '$.pages[0].elements[1].requiredIf',
            message:
              'requiredIf refers to "nope", which no question sets; declare it (for example as a calculated value) if the form sets it otherwise',
          },
        ],
      ],
      [
        'no questions at all',
        withElements([{ type: 'html', name: 'note', html: 'Hi' }]),
        [{ path: '$', message: 'The survey has no questions' }],
      ],
      [
        'pages that are not an array',
        { pages: { name: 'p' } },
        [{ path: '$.pages', message: 'pages must be an array' }],
      ],
      [
        'a property survey-core does not know',
        withElements([{ type: 'text', name: 'a', inputTyp: 'number' }]),
        [{ path: '$.pages[0].elements[0].inputTyp', message: "Unknown property in class 'text': 'inputTyp'." }],
      ],
    ];

    it.each(cases)(
      'rejects %s with exact details, on create and on update, changing nothing',
      async (_name, definition, details) => {
        const before = await secretariat.get(`/api/surveys/${id}`);
        expect(await addVersion(id, definition)).toEqual([422, invalid(details)]);
        const updated = await secretariat.put(`/api/surveys/${id}/versions/1`).send({ definition });
        expect(updated.status).toBe(422);
        expect(updated.body).toEqual(invalid(details));
        const after = await secretariat.get(`/api/surveys/${id}`);
        expect(after.body).toEqual(before.body);
        const version = await secretariat.get(`/api/surveys/${id}/versions/1`);
        expect((version.body as { definition: unknown }).definition).toEqual(SIMPLE);
      },
    );

    it('answers 400 when the definition is not an object and 413 when the body is over 1 MB', async () => {
      const notObject = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: [1, 2] });
      expect(notObject.body).toEqual(
        errorBody(400, 'bad_request', 'definition must be a JSON object', [
          { field: 'definition', messages: ['definition must be a JSON object'] },
        ]),
      );
      const huge = withElements([{ type: 'comment', name: 'a', description: 'x'.repeat(1_100_000) }]);
      const tooLarge = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: huge });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toEqual(
        errorBody(413, 'payload_too_large', 'The request body is larger than the limit of 1mb'),
      );
      const detail = await secretariat.get(`/api/surveys/${id}`);
      expect((detail.body as { versions: unknown[] }).versions).toHaveLength(1);
    });
  });

  describe('importing an existing SurveyJS form', () => {
    // A form as SurveyJS authors write it: unnamed panels, generated choices, shared value names,
    // calculated values, boolean properties as strings, names with spaces, composite questions.
    const IMPORTED = {
      calculatedValues: [{ name: 'total', expression: '{staff} + {volunteers}', includeIntoResult: true }],
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'panel',
              isRequired: 'true',
              elements: [
                { type: 'text', name: ' staff ', inputType: 'number', step: 1 },
                { type: 'text', name: 'volunteers', maskType: 'numeric' },
              ],
            },
            { type: 'expression', name: 'people', expression: '{total} * 1' },
            { type: 'dropdown', name: 'score', choicesMin: 1, choicesMax: 5, visibleIf: '{total} > 10' },
            { type: 'text', name: 'contact', valueName: 'email', inputType: 'email' },
            { type: 'text', name: 'contactAgain', valueName: 'email', visible: false },
            {
              type: 'matrix',
              name: 'tasks',
              cellType: 'checkbox',
              rows: ['plan', { value: 'drill', visibleIf: '{staff} > 0' }],
              columns: ['lead', 'support'],
            },
            {
              type: 'matrixdynamic',
              name: 'stock',
              columns: [{ name: 'count', cellType: 'text', inputType: 'number', totalType: 'sum' }],
              detailElements: [{ type: 'comment', name: 'note' }],
              detailPanelMode: 'underRow',
            },
            {
              type: 'paneldynamic',
              name: 'sites',
              templateElements: [
                { type: 'text', name: 'site', visibleIf: '{panelIndex} = 0 or {prevPanel.site} notempty' },
              ],
            },
            {
              type: 'checkbox',
              name: 'tools',
              choices: [{ value: 'kit', showCommentArea: true }, 'radio'],
              valuePropertyName: 'id',
            },
            { type: 'signaturepad', name: 'signature', readOnly: 'true', isRequired: true },
          ],
        },
      ],
    };

    it('stores a form survey-core loads without errors', async () => {
      const id = await createSurvey('imported-form');
      const created = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: IMPORTED });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        version: 1,
        status: 'draft',
        definitionHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const stored = await secretariat.get(`/api/surveys/${id}/versions/1`);
      expect((stored.body as { definition: unknown }).definition).toEqual(IMPORTED);
    });

    it('refuses the question types it cannot check, naming them and saying why, storing nothing', async () => {
      const id = await createSurvey('imported-image-map');
      const definition = withElements([
        { type: 'text', name: 'a' },
        { type: 'imagemap', name: 'map' },
        { type: 'textbase', name: 'base' },
      ]);
      expect(await addVersion(id, definition)).toEqual([
        422,
        invalid([
          {
            path: '$.pages[0].elements[1].type',
            message:
              'Question type "imagemap" is not supported: its answers are areas of an image, which Concord cannot check',
          },
          {
            path: '$.pages[0].elements[2].type',
            message:
              'Question type "textbase" cannot be used: it is a base type of survey-core, not a question a respondent can answer',
          },
        ]),
      ]);
      const detail = await secretariat.get(`/api/surveys/${id}`);
      expect((detail.body as { versions: unknown[] }).versions).toEqual([]);
    });

    it('refuses a condition on a variable nobody sets, saying it can be declared', async () => {
      const id = await createSurvey('imported-variable');
      const definition = withElements([{ type: 'text', name: 'a', visibleIf: '{region} = "north"' }]);
      expect(await addVersion(id, definition)).toEqual([
        422,
        invalid([
          {
            path: '$.pages[0].elements[0].visibleIf',
            message:
              'visibleIf refers to "region", which no question sets; declare it (for example as a calculated value) if the form sets it otherwise',
          },
        ]),
      ]);
      const declared = { ...definition, calculatedValues: [{ name: 'region', expression: "'north'" }] };
      const accepted = await secretariat.post(`/api/surveys/${id}/versions`).send({ definition: declared });
      expect(accepted.status).toBe(201);
    });
  });

  describe('roles', () => {
    it('answers 401 without a session, 403 to the committee for writes, and lets the committee read', async () => {
      const anonymous = await testApp.http().get('/api/surveys');
      expect(anonymous.status).toBe(401);
      const forbidden = errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat');
      const create = await committee.post('/api/surveys').send({ slug: 'committee-try', title: 'x' });
      expect([create.status, create.body]).toEqual([403, forbidden]);
      const version = await committee.post(`/api/surveys/${seededId}/versions`).send({ definition: SIMPLE });
      expect([version.status, version.body]).toEqual([403, forbidden]);
      const publish = await committee.post(`/api/surveys/${seededId}/versions/2/publish`);
      expect([publish.status, publish.body]).toEqual([403, forbidden]);
      const put = await committee.put(`/api/surveys/${seededId}/versions/2`).send({ definition: SIMPLE });
      expect([put.status, put.body]).toEqual([403, forbidden]);
      expect((await committee.get(`/api/surveys/${seededId}`)).status).toBe(200);
      expect((await admin.get(`/api/surveys/${seededId}/versions/1`)).status).toBe(200);
      const list = await committee.get('/api/surveys');
      expect((list.body as Array<{ slug: string }>).some((survey) => survey.slug === 'committee-try')).toBe(false);
      const detail = await committee.get(`/api/surveys/${seededId}`);
      expect((detail.body as { versions: unknown[] }).versions).toHaveLength(2);
    });
  });
});
