import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportRowStatus {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}

registerEnumType(ImportRowStatus, {
  name: 'ImportRowStatus',
  description: 'What importing one row of a CSV file does (preview) or did (commit).',
  valuesConfig: {
    CREATE: { description: 'A new user of the account, invited by email.' },
    UPDATE: { description: 'An existing user whose role, team, name or seats change.' },
    UNCHANGED: { description: 'An existing user already as the row says: nothing to do.' },
    ERROR: { description: 'The row is refused; `field` and `message` say why. Skipped on commit.' },
  },
});

@InputType({ description: 'A CSV file of users to import (F-43).' })
export class UserImportInput {
  @Field(() => String, {
    description:
      'The file content: UTF-8 (with or without BOM), comma or semicolon separated, a header row of email, first name, last name and optional role, team, products (several products separated by "|").',
  })
  csv!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Email an invitation to each created user (commit only).' })
  sendInvitations!: boolean;
}

@ObjectType({ description: 'One row of an import, as previewed or imported.' })
export class UserImportRow {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line!: number;

  @Field(() => String, { description: 'The email address of the row, as given.' })
  email!: string;

  @Field(() => ImportRowStatus, { description: 'What the row does.' })
  status!: ImportRowStatus;

  @Field(() => String, { nullable: true, description: 'The column at fault (`email`, `firstName`, `lastName`, `role`, `team`, `products`).' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the row is refused, or what changes.' })
  message!: string | null;
}

@ObjectType({ description: 'The result of previewing or importing a CSV file of users.' })
export class UserImportReport {
  @Field(() => Boolean, { description: 'true after a commit; false for a preview (nothing written).' })
  committed!: boolean;

  @Field(() => Int, { description: 'Users created (or to create).' })
  created!: number;

  @Field(() => Int, { description: 'Users updated (or to update).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows already as the file says.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows refused.' })
  errors!: number;

  @Field(() => [UserImportRow], { description: 'Every data row, in file order.' })
  rows!: UserImportRow[];
}
