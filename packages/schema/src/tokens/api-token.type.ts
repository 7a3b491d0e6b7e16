import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { ApiScope } from './api-scope.enum.js';
import { ApiTokenKind, ApiTokenStatus } from '../client/enums.js';

export { ApiTokenKind, ApiTokenStatus };

registerEnumType(ApiTokenKind, {
  name: 'ApiTokenKind',
  description: 'Whom an API token acts for.',
  valuesConfig: {
    PERSONAL: { description: 'Acts as the person who created it, limited to its scopes and to their role.' },
    SERVICE: { description: 'Belongs to the account (created by an admin) and acts for no person; admin rights, limited to its scopes.' },
  },
});

registerEnumType(ApiTokenStatus, {
  name: 'ApiTokenStatus',
  description: 'Whether an API token still works.',
  valuesConfig: {
    ACTIVE: { description: 'Works until it expires or is revoked.' },
    EXPIRED: { description: 'Its expiry date has passed; it no longer works.' },
    REVOKED: { description: 'Was revoked; it no longer works.' },
  },
});

@ObjectType({ description: 'A person in a short form: who owns or created something.' })
export class PersonRef {
  @Field(() => ID, { description: 'User id of the person.' })
  id!: string;

  @Field(() => String, { description: 'First and last name.' })
  name!: string;

  @Field(() => String, { description: 'Email address.' })
  email!: string;
}

@ObjectType({ description: 'An API token (F-61). Its secret is shown once, when it is created; only a hash is stored.' })
export class ApiToken {
  @Field(() => ID, { description: 'Stable identifier of the token.' })
  id!: string;

  @Field(() => ApiTokenKind, { description: 'Personal (acts as its owner) or service (belongs to the account).' })
  kind!: ApiTokenKind;

  @Field(() => String, { description: 'Name given at creation, to tell tokens apart (e.g. "Reporting export").' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it (e.g. `sw_svc_AbCd`).' })
  prefix!: string;

  @Field(() => [ApiScope], { description: 'What the token may do.' })
  scopes!: ApiScope[];

  @Field(() => ApiTokenStatus, { description: 'Active, expired or revoked.' })
  status!: ApiTokenStatus;

  @Field(() => PersonRef, { nullable: true, description: 'The person a personal token acts as; null for a service token.' })
  owner!: PersonRef | null;

  @Field(() => PersonRef, { nullable: true, description: 'The person who created the token; null once they were deleted.' })
  createdBy!: PersonRef | null;

  @Field(() => Date, { description: 'When the token was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was last used (to the minute); null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null if it was not.' })
  revokedAt!: Date | null;
}

export const ApiTokenConnection = connectionTypes(ApiToken, 'ApiToken', { one: 'token', many: 'tokens',
  page: 'A page of API tokens, newest first.',
  total: 'How many tokens match the filter, on all pages together.' });
export type ApiTokenConnection = InstanceType<typeof ApiTokenConnection>;
export type ApiTokenEdge = ApiTokenConnection['edges'][number];

@ObjectType({ description: 'A newly created API token and its secret.' })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { description: 'The token as it is stored.' })
  token!: ApiToken;

  @Field(() => String, {
    description: 'The secret to send as `Authorization: Bearer <secret>`. Shown only now: it cannot be read again.',
  })
  secret!: string;
}
