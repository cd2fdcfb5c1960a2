import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode } from '@concord/shared';

import { codeOf, fieldMessages, NETWORK_ERROR_STATUS, toClientErrorBody, userMessageFor } from './api-errors';

const ALL_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

describe('toClientErrorBody', () => {
  it('keeps the server body, code included', () => {
    const payload = {
      statusCode: 409,
      error: 'Conflict',
      code: 'email_taken',
      message: 'A user with e-mail a@example.org already exists',
    };
    expect(toClientErrorBody(409, 'Conflict', payload)).toEqual(payload);
  });

  it('falls back to the generic code of the status and its catalogue message for a proxy page', () => {
    expect(toClientErrorBody(502, 'Bad Gateway', '<html>bad gateway</html>')).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      code: 'internal_error',
      message: 'The server ran into a problem. Please try again.',
    });
    expect(toClientErrorBody(429, '', undefined)).toEqual({
      statusCode: 429,
      error: 'Error',
      code: 'rate_limited',
      message: 'Too many attempts. Please wait a moment and try again.',
    });
  });

  it('names a missing answer network_unreachable', () => {
    expect(toClientErrorBody(NETWORK_ERROR_STATUS, 'Network Error', undefined)).toEqual({
      statusCode: 0,
      error: 'Network Error',
      code: 'network_unreachable',
      message: 'Cannot reach the Concord server. Check your connection and try again.',
    });
  });

  it('joins an array message and ignores a code it does not know', () => {
    expect(
      toClientErrorBody(400, 'Bad Request', { statusCode: 400, message: ['a is wrong', 'b is wrong'], code: 'nope' }),
    ).toEqual({ statusCode: 400, error: 'Bad Request', code: 'bad_request', message: 'a is wrong; b is wrong' });
  });
});

describe('userMessageFor', () => {
  it('shows the catalogue message for codes that need no specifics', () => {
    expect(userMessageFor({ code: 'email_taken', message: 'A user with e-mail a@example.org already exists' })).toBe(
      'A user with this e-mail address already exists.',
    );
    expect(userMessageFor({ code: 'campaign_not_found', message: 'No campaign has id 42' })).toBe(
      'This campaign does not exist.',
    );
    expect(userMessageFor({ code: 'invalid_credentials', message: 'whatever' })).toBe('Invalid email or password');
  });

  it("keeps the server's words where they name the case", () => {
    expect(userMessageFor({ code: 'bad_request', message: 'minCellSize must not be less than 1' })).toBe(
      'minCellSize must not be less than 1',
    );
    expect(userMessageFor({ code: 'charter_merge_conflict', message: 'Clause 3 changed meanwhile' })).toBe(
      'Clause 3 changed meanwhile',
    );
    expect(userMessageFor({ code: 'bad_request', message: '  ' })).toBe('The request was not valid.');
  });

  it('has a non-empty message for every code, whatever the server said', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_CODES), fc.string(), (code, message) => {
        const shown = userMessageFor({ code, message });
        expect(shown.trim()).not.toBe('');
        expect([ERROR_MESSAGES[code], message]).toContain(shown);
      }),
    );
  });
});

describe('codeOf', () => {
  it('maps every status of the catalogue to a code with that status when the body has none', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 503]) {
      expect(ERROR_STATUS[codeOf(status, undefined) as ErrorCode]).toBe(status);
    }
    expect(codeOf(500, undefined)).toBe('internal_error');
    expect(codeOf(0, undefined)).toBe('network_unreachable');
    expect(codeOf(404, 'survey_not_found')).toBe('survey_not_found');
  });
});

describe('fieldMessages', () => {
  it("groups the validation pipe's {field, messages[]} by field", () => {
    const details = [
      { field: 'email', messages: ['email must be an email'] },
      { field: 'settings.minCellSize', messages: ['must be an integer', 'must not be less than 1'] },
      { field: 'email', messages: ['email must be shorter'] },
    ];
    expect([...fieldMessages(details)]).toEqual([
      ['email', ['email must be an email', 'email must be shorter']],
      ['settings.minCellSize', ['must be an integer', 'must not be less than 1']],
    ]);
  });

  it('ignores details of other shapes', () => {
    expect(fieldMessages([{ question: 'q1', message: 'required' }, 'text', null]).size).toBe(0);
    expect(fieldMessages({ conflicts: [] }).size).toBe(0);
    expect(fieldMessages(undefined).size).toBe(0);
  });
});
