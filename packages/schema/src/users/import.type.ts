import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportRowStatus, ImportRowReason } from '../client/enums.js';

export { ImportRowStatus, ImportRowReason };

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

registerEnumType(ImportRowReason, {
  name: 'ImportRowReason',
  description: 'Why a row of an import or an "Invite Multiple" list is refused, or that it changes something; `detail` carries the value it is about.',
  valuesConfig: {
    MISSING_EMAIL: { description: 'The email cell is empty.' },
    INVALID_EMAIL: { description: 'The email is not a valid address; detail: the value.' },
    MISSING_FIRST_NAME: { description: 'The first name cell is empty.' },
    MISSING_LAST_NAME: { description: 'The last name cell is empty.' },
    NAME_TOO_LONG: { description: 'A name is longer than 100 characters.' },
    DUPLICATE_IN_FILE: { description: 'The email appears earlier in the file; detail: that line number.' },
    UNKNOWN_ROLE: { description: 'The role is not User or Secondary admin; detail: the value.' },
    PRIMARY_ADMIN_ROLE: { description: 'The row would make or unmake the primary admin, which only a handover does.' },
    UNKNOWN_TEAM: { description: 'No team of the account has this name; detail: the value.' },
    UNKNOWN_PRODUCT: { description: 'No subscription or product of the account has this name; detail: the value.' },
    NO_SEAT_LEFT: { description: 'The subscription has no free seat left for this row; detail: its name.' },
    ALREADY_MEMBER: { description: 'Invite Multiple: the person is already a user of the account; detail: the email.' },
    ALREADY_INVITED: { description: 'Invite Multiple: the person has a pending invitation (resend it instead); detail: the email.' },
    CHANGES: { description: 'An update; detail: what changes (role, team, name, products), comma separated.' },
  },
});

@InputType({ description: 'A CSV file of users to import (F-43).' })
export class UserImportInput {
  @Field(() => String, {
    description:
      'The file content: UTF-8 (with or without BOM), comma or semicolon separated, a header row of email, first name, last name and optional role, team, products (several products separated by "|"), then at most 20,000 people.',
  })
  csv!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Email an invitation to each created user (commit only).' })
  sendInvitations!: boolean;
}

@ObjectType({ description: 'One row of an import, as previewed or imported.' })
export class UserImportRow {
  @Field(() => Int, { description: 'Line number in the file where the row starts (the header is line 1); a quoted cell may continue on the next lines.' })
  line!: number;

  @Field(() => String, { description: 'The email address of the row, as given.' })
  email!: string;

  @Field(() => ImportRowStatus, { description: 'What the row does.' })
  status!: ImportRowStatus;

  @Field(() => String, { nullable: true, description: 'The column at fault (`email`, `firstName`, `lastName`, `role`, `team`, `products`).' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the row is refused, or what changes, in English.' })
  message!: string | null;

  @Field(() => ImportRowReason, { nullable: true, description: 'The same as `message`, as a code for translated texts.' })
  reason!: ImportRowReason | null;

  @Field(() => String, { nullable: true, description: 'The value the reason is about (a product, a team, a line number).' })
  detail!: string | null;
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

  @Field(() => String, {
    description:
      'The same rows as a CSV file for "Download report" (UTF-8 with BOM; columns line, email, outcome, field, reason; a cell a spreadsheet would run as a formula starts with an apostrophe). Written only when selected.',
  })
  csv!: string;
}
