import { SCIM } from './scim-protocol.js';

/** What `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` say (RFC 7643 §5–7). */
export function serviceProviderConfig(base: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: `${base.replace(/\/scim\/v2$/, '')}/docs/scim`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: "The account's SCIM token, made on the Directory and sign-in page.", primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

const resourceType = (base: string, id: 'User' | 'Group') => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id,
  name: id,
  endpoint: `/${id}s`,
  description: id === 'User' ? 'A person of the account' : 'A group, mapped to a team',
  schema: id === 'User' ? SCIM.user : SCIM.group,
  ...(id === 'User' ? { schemaExtensions: [{ schema: SCIM.enterpriseUser, required: false }] } : {}),
  meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${id}` },
});

export const resourceTypes = (base: string) => [resourceType(base, 'User'), resourceType(base, 'Group')];

type Attr = { name: string; type: string; multiValued?: boolean; required?: boolean; mutability?: string; uniqueness?: string; caseExact?: boolean; subAttributes?: Attr[]; returned?: string };
const attr = (a: Attr): Record<string, unknown> => ({
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...a,
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attr) } : {}),
});

const userSchema = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: SCIM.user,
  name: 'User',
  description: 'A person of the account',
  attributes: [
    attr({ name: 'userName', type: 'string', required: true, uniqueness: 'server' }),
    attr({ name: 'externalId', type: 'string', caseExact: true }),
    attr({ name: 'name', type: 'complex', subAttributes: [{ name: 'givenName', type: 'string' }, { name: 'familyName', type: 'string' }, { name: 'formatted', type: 'string' }] }),
    attr({ name: 'displayName', type: 'string' }),
    attr({ name: 'active', type: 'boolean' }),
    attr({ name: 'password', type: 'string', mutability: 'writeOnly', returned: 'never' }),
    attr({
      name: 'emails',
      type: 'complex',
      multiValued: true,
      subAttributes: [{ name: 'value', type: 'string' }, { name: 'type', type: 'string' }, { name: 'primary', type: 'boolean' }],
    }),
    attr({ name: 'groups', type: 'complex', multiValued: true, mutability: 'readOnly', subAttributes: [{ name: 'value', type: 'string' }, { name: 'display', type: 'string' }] }),
  ],
  meta: { resourceType: 'Schema', location: `${base}/Schemas/${SCIM.user}` },
});

const groupSchema = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: SCIM.group,
  name: 'Group',
  description: 'A group of the account, mapped to a team',
  attributes: [
    attr({ name: 'displayName', type: 'string', required: true, uniqueness: 'server' }),
    attr({ name: 'externalId', type: 'string', caseExact: true }),
    attr({ name: 'members', type: 'complex', multiValued: true, subAttributes: [{ name: 'value', type: 'string', mutability: 'immutable' }, { name: 'display', type: 'string' }] }),
  ],
  meta: { resourceType: 'Schema', location: `${base}/Schemas/${SCIM.group}` },
});

const enterpriseSchema = (base: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
  id: SCIM.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise user: kept as the directory sent it',
  attributes: [attr({ name: 'employeeNumber', type: 'string' }), attr({ name: 'department', type: 'string' }), attr({ name: 'organization', type: 'string' })],
  meta: { resourceType: 'Schema', location: `${base}/Schemas/${SCIM.enterpriseUser}` },
});

export const schemas = (base: string) => [userSchema(base), groupSchema(base), enterpriseSchema(base)];
