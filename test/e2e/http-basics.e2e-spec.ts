import { useAppWithAdmin } from '../support/app-with-admin';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

describe('HTTP basics: one error format, body limits, headers, OpenAPI', () => {
  const rig = useAppWithAdmin();

  it('answers 413 in the error format for a body over 1 MB, and stores nothing', async () => {
    const before = await rig.admin.get('/api/users');
    const response = await rig.admin
      .post('/api/users')
      .set('content-type', 'application/json')
      .send(
        JSON.stringify({
          email: 'big@example.org',
          name: 'x'.repeat(1_100_000),
          role: 'committee',
          password: 'long-enough-pass',
        }),
      );
    expect(response.status).toBe(413);
    expect(response.body).toEqual(
      errorBody(413, 'payload_too_large', 'The request body is larger than the limit of 1mb'),
    );
    expect((await rig.admin.get('/api/users')).body).toEqual(before.body);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await rig.admin.post('/api/users').set('content-type', 'application/json').send('{"email": ');
    expect(response.status).toBe(400);
    expect(response.body.statusCode).toBe(400);
    expect(response.body.error).toBe('Bad Request');
    expect(response.body.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('answers 400 naming the field for a wrong type', async () => {
    const response = await rig.admin
      .post('/api/users')
      .send({ email: 'typed@example.org', name: 42, role: 'committee', password: 'long-enough-pass' });
    const nameLength = 'name must be longer than or equal to 1 and shorter than or equal to 200 characters';
    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      errorBody(400, 'bad_request', `${nameLength}; name must be a string`, [
        { field: 'name', messages: [nameLength, 'name must be a string'] },
      ]),
    );
  });

  it('answers unknown API routes with 404 in the error format', async () => {
    const response = await rig.admin.get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorBody(404, 'not_found', 'Cannot GET /api/no-such-thing'));
  });

  it('sets security headers and a request id', async () => {
    const response = await rig.testApp.http().get('/api/health').set('x-request-id', 'trace-123');
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document with the core paths', async () => {
    const response = await rig.testApp.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/me',
        '/api/users',
        '/api/audit',
        '/api/audit/verify',
        '/api/health',
        '/api/networks',
      ]),
    );
  });

  it('lists the eight seeded regional networks', async () => {
    const response = await rig.admin.get('/api/networks');
    expect(response.status).toBe(200);
    expect(response.body.map((network: { code: string; hub: string }) => `${network.code}:${network.hub}`)).toEqual([
      'AAF:Rabat',
      'CA:Tashkent',
      'ECA:Nairobi',
      'GCC:Abu Dhabi',
      'ME:Amman',
      'NAS:Algiers',
      'SEA:Manila',
      'SEEE:Tbilisi',
    ]);
    const centralAsia = response.body.find((network: { code: string }) => network.code === 'CA');
    expect(centralAsia.countries).toEqual([
      'Afghanistan',
      'Kyrgyzstan',
      'Mongolia',
      'Pakistan',
      'Tajikistan',
      'Uzbekistan',
    ]);
  });
});

describe('behind HTTPS', () => {
  it('marks both cookies Secure and sends HSTS when PUBLIC_URL is https', async () => {
    const testApp = await createTestApp({ publicUrl: 'https://concord.example.org', cookieSecure: true });
    try {
      const response = await testApp
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(response.status).toBe(200);
      const cookies = response.headers['set-cookie'] as unknown as string[];
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await testApp.close();
    }
  });
});

describe('reserved property names', () => {
  const rig = useAppWithAdmin();

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses "%s" anywhere in a JSON body with 400, storing nothing',
    async (key) => {
      const before = await rig.admin.get('/api/users');
      const response = await rig.admin
        .post('/api/users')
        .set('content-type', 'application/json')
        .send(
          `{"email":"p@example.org","name":"P","role":"committee","password":"long-enough-pass","nested":{"${key}":{"polluted":1}}}`,
        );
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        errorBody(400, 'bad_request', `Reserved property name "${key}" is not allowed in a request body`),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await rig.admin.get('/api/users')).body).toEqual(before.body);
    },
  );
});
