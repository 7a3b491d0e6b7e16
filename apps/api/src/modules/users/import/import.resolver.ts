import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { UserImportInput, UserImportReport } from '@seatwise/schema';
import type { AccountContext } from '../../../context.js';
import { Allow, Permission } from '../../../graphql/permissions.js';
import { importTemplate, MAX_IMPORT_ROWS } from './csv-file.js';
import { importUsers, previewUserImport } from './import.service.js';

@Resolver()
export class UserImportResolver {
  @Allow(Permission.ReadUsers)
  @Query(() => String, { description: 'The CSV template for "Import": header row and two example rows.' })
  userImportTemplate(): string {
    return importTemplate();
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => UserImportReport, { description: `Checks a CSV file of up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} users row by row and reports what importing it would do; writes nothing.` })
  previewUserImport(@Ctx() ctx: AccountContext, @Arg('input', () => UserImportInput, { description: 'The file.' }) input: UserImportInput): Promise<UserImportReport> {
    return previewUserImport(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => UserImportReport, {
    description: `Imports every valid row of a CSV file of up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} users in one transaction and reports each row; refused rows are skipped. Importing the same file again changes nothing.`,
  })
  importUsers(@Ctx() ctx: AccountContext, @Arg('input', () => UserImportInput, { description: 'The file.' }) input: UserImportInput): Promise<UserImportReport> {
    return importUsers(ctx, input);
  }
}
