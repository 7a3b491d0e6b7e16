import { ApiTokenKind, apiScopeRules, apiScopes, Role, scopesFor } from '@seatwise/schema/client';
import { describe, expect, it } from 'vitest';
import { loadLanguage, type Tree } from '../../i18n/resources';

const labels = async (language: string) => ((await loadLanguage(language)).developer as Tree).scopes as Tree;

describe('token scopes in Developer settings', () => {
  it('describes every scope of the contract in English and Slovenian', async () => {
    for (const language of ['en', 'sl']) {
      const described = await labels(language);
      expect(Object.keys(described).sort(), language).toEqual([...apiScopes].sort());
      for (const scope of apiScopes) expect(described[scope], `${language} ${scope}`).toMatch(/\S/);
    }
  });

  it('offers each kind of token and role the scopes the server gives it', () => {
    expect(scopesFor(ApiTokenKind.PERSONAL, Role.USER).map((scope) => apiScopeRules[scope].value)).toEqual([
      'read:profile',
      'write:profile',
      'read:products',
      'write:products',
    ]);
    expect(scopesFor(ApiTokenKind.PERSONAL, Role.SECONDARY_ADMIN)).toEqual(apiScopes);
    const service = scopesFor(ApiTokenKind.SERVICE, Role.PRIMARY_ADMIN);
    expect(service).not.toContain('READ_PROFILE');
    expect(service).not.toContain('WRITE_PROFILE');
    expect(service).toHaveLength(apiScopes.length - 2);
  });
});
