import { describe, expect, it } from '@jest/globals';

import { ApiError, buildUrl, isApiError } from './api-client';
import { toClientErrorBody } from './api-errors';

describe('ApiError', () => {
  it("shows the catalogue's message and keeps the server's body whole", () => {
    const body = {
      statusCode: 409,
      error: 'Conflict',
      code: 'email_taken' as const,
      message: 'A user with e-mail a@example.org already exists',
    };
    const error = new ApiError(body);
    expect(error.message).toBe('A user with this e-mail address already exists.');
    expect(error.serverMessage).toBe('A user with e-mail a@example.org already exists');
    expect(error.toBody()).toEqual({ ...body, details: undefined });
  });

  it("keeps the server's words for a case-specific code, and its field errors by field", () => {
    const error = new ApiError(
      toClientErrorBody(400, 'Bad Request', {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        message: 'name must not be empty',
        details: [{ field: 'name', messages: ['name must not be empty'] }],
      }),
    );
    expect(error.message).toBe('name must not be empty');
    expect([...error.fieldMessages]).toEqual([['name', ['name must not be empty']]]);
  });

  it('tells API errors apart by status', () => {
    const notFound = new ApiError(toClientErrorBody(404, 'Not Found', undefined));
    expect(notFound.code).toBe('not_found');
    expect(isApiError(notFound)).toBe(true);
    expect(isApiError(notFound, 404)).toBe(true);
    expect(isApiError(notFound, 409)).toBe(false);
    expect(isApiError(new Error('Not Found'))).toBe(false);
  });
});

describe('buildUrl', () => {
  it('puts paths under /api and leaves empty parameters out', () => {
    expect(buildUrl('/users', undefined)).toBe('/api/users');
    expect(buildUrl('users', { page: 2, status: '', q: null, all: false, x: undefined })).toBe(
      '/api/users?page=2&all=false',
    );
    expect(buildUrl('/search', { q: 'a&b c' })).toBe('/api/search?q=a%26b+c');
    expect(buildUrl('/search', { q: '' })).toBe('/api/search');
  });
});
