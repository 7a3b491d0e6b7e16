import { ImportRowReason } from '@seatwise/schema';
import { z } from 'zod';
import { InvalidInputError, type Message, msg } from '../../errors.js';

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

/** Normalises a person's email and names; returns the first problem instead of throwing, for lists. */
export function checkPerson(raw: PersonFields): { person: PersonFields } | { error: RuleError } {
  const email = raw.email.trim().toLowerCase();
  const firstName = raw.firstName.trim();
  const lastName = raw.lastName.trim();
  if (!email) return { error: { field: 'email', reason: ImportRowReason.MISSING_EMAIL, message: msg('Enter an email address.') } };
  if (email.length > 254 || !emailSchema.safeParse(email).success) {
    return { error: { field: 'email', reason: ImportRowReason.INVALID_EMAIL, message: msg('"{email}" is not a valid email address.', { email: raw.email.trim() }) } };
  }
  if (!firstName) return { error: { field: 'firstName', reason: ImportRowReason.MISSING_FIRST_NAME, message: msg('Enter a first name.') } };
  if (firstName.length > 100) {
    return { error: { field: 'firstName', reason: ImportRowReason.NAME_TOO_LONG, message: msg('A first name can be at most 100 characters.') } };
  }
  if (!lastName) return { error: { field: 'lastName', reason: ImportRowReason.MISSING_LAST_NAME, message: msg('Enter a last name.') } };
  if (lastName.length > 100) {
    return { error: { field: 'lastName', reason: ImportRowReason.NAME_TOO_LONG, message: msg('A last name can be at most 100 characters.') } };
  }
  return { person: { email, firstName, lastName } };
}

export function requirePerson(raw: PersonFields): PersonFields {
  const checked = checkPerson(raw);
  if ('error' in checked) throw new InvalidInputError(checked.error.field, checked.error.message);
  return checked.person;
}
