import { ImportRowReason } from '@seatwise/schema';
import { z } from 'zod';
import { InvalidInputsError, type Message, msg } from '../../errors.js';

const emailSchema = z.email();

export interface PersonFields {
  email: string;
  firstName: string;
  lastName: string;
}

export interface RuleError {
  field: 'email' | 'firstName' | 'lastName';
  reason: ImportRowReason;
  message: Message;
}

function nameProblem(field: 'firstName' | 'lastName', value: string): RuleError | null {
  if (!value) {
    return field === 'firstName'
      ? { field, reason: ImportRowReason.MISSING_FIRST_NAME, message: msg('Enter a first name.') }
      : { field, reason: ImportRowReason.MISSING_LAST_NAME, message: msg('Enter a last name.') };
  }
  if (value.length > 100) {
    return field === 'firstName'
      ? { field, reason: ImportRowReason.NAME_TOO_LONG, message: msg('A first name can be at most 100 characters.') }
      : { field, reason: ImportRowReason.NAME_TOO_LONG, message: msg('A last name can be at most 100 characters.') };
  }
  return null;
}

/**
 * Normalises a person's email and names; returns every problem (one per field, in the order
 * email, first name, last name) instead of throwing, for lists and forms.
 */
export function checkPersonFields(raw: PersonFields): { person: PersonFields } | { errors: RuleError[] } {
  const email = raw.email.trim().toLowerCase();
  const firstName = raw.firstName.trim();
  const lastName = raw.lastName.trim();
  const errors: RuleError[] = [];
  if (!email) errors.push({ field: 'email', reason: ImportRowReason.MISSING_EMAIL, message: msg('Enter an email address.') });
  else if (email.length > 254 || !emailSchema.safeParse(email).success) {
    errors.push({ field: 'email', reason: ImportRowReason.INVALID_EMAIL, message: msg('"{email}" is not a valid email address.', { email: raw.email.trim() }) });
  }
  for (const problem of [nameProblem('firstName', firstName), nameProblem('lastName', lastName)]) if (problem) errors.push(problem);
  return errors.length > 0 ? { errors } : { person: { email, firstName, lastName } };
}

/** The same check with only the first problem, for the CSV import's one reason per row. */
export function checkPerson(raw: PersonFields): { person: PersonFields } | { error: RuleError } {
  const checked = checkPersonFields(raw);
  return 'errors' in checked ? { error: checked.errors[0]! } : checked;
}

/** The person, or BAD_USER_INPUT naming every invalid field at once (`extensions.errors`). */
export function requirePerson(raw: PersonFields): PersonFields {
  const checked = checkPersonFields(raw);
  if ('errors' in checked) throw new InvalidInputsError(checked.errors.map((error) => ({ field: error.field, message: error.message })));
  return checked.person;
}
