import { CombinedGraphQLErrors } from '@apollo/client';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadLanguage } from '../i18n/resources';
import { apiError, errorText } from './apiError';

const t = i18n.createInstance();
await t.init({ lng: 'en', resources: { en: { translation: await loadLanguage('en') } } });

const failed = (code: string, field?: string, message = 'server words') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

describe('API errors in the reader language', () => {
  it('reads code and field from the first error', () => {
    expect(apiError(failed('BAD_USER_INPUT', 'phone'))).toEqual({ code: 'BAD_USER_INPUT', field: 'phone', message: 'server words' });
    expect(apiError(new Error('network'))).toBeNull();
  });

  it('prefers the field, then the code, then the API message, then the generic sentence', () => {
    expect(errorText(t.t, apiError(failed('BAD_USER_INPUT', 'phone')), 'profile.errors')).toMatch(/valid phone number/);
    expect(errorText(t.t, apiError(failed('WRONG_PASSWORD', 'currentPassword')), 'profile.errors')).toBe('The current password is not correct.');
    // A typed error the screen has no text for: the API wrote it in the UI language.
    expect(errorText(t.t, apiError(failed('SOMETHING_NEW', undefined, 'Besedilo strežnika.')), 'profile.errors')).toBe('Besedilo strežnika.');
    expect(errorText(t.t, apiError(failed('INTERNAL_SERVER_ERROR')), 'profile.errors')).toBe('Something went wrong. Try again in a moment.');
    expect(errorText(t.t, apiError(failed('SOMETHING_NEW', undefined, '')), 'profile.errors')).toBe('Something went wrong. Try again in a moment.');
    expect(errorText(t.t, null, 'profile.errors')).toBe('Something went wrong. Try again in a moment.');
  });
});
