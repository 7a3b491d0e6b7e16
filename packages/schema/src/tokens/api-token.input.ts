import { Field, InputType, Int } from 'type-graphql';
import { ApiScope } from './api-scope.enum.js';
import { ApiTokenKind, ApiTokenStatus } from './api-token.type.js';

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => ApiTokenKind, { description: 'PERSONAL acts as you; SERVICE belongs to the account (admins only).' })
  kind!: ApiTokenKind;

  @Field(() => String, { description: 'A name to recognise it by, 1 to 100 characters, unique among your active tokens.' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What it may do: at least one scope; profile scopes only on personal tokens.' })
  scopes!: ApiScope[];

  @Field(() => Int, { defaultValue: 90, description: 'Days until it stops working, 1 to 365 (default 90).' })
  expiresInDays!: number;
}

@InputType({ description: 'Narrows the list of API tokens; every given criterion must match.' })
export class ApiTokensFilter {
  @Field(() => [ApiTokenKind], { nullable: true, description: 'Only tokens of these kinds.' })
  kinds?: ApiTokenKind[] | null;

  @Field(() => [ApiTokenStatus], { nullable: true, description: 'Only tokens with these statuses; all statuses when omitted.' })
  statuses?: ApiTokenStatus[] | null;
}
