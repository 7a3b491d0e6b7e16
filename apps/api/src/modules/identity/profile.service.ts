import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Profile, UpdateProfileInput } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { membershipHooks } from './memberships.port.js';
import { User } from './user.entity.js';

const countries = new Set<string>(getCountries());
// Tabs, newlines and other control characters have no place in a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function toProfile(user: User): Profile {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    company: user.company,
    country: user.country,
    language: user.language,
  };
}

export async function myProfile(ctx: AccountContext): Promise<Profile> {
  return toProfile(await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId }));
}

function name(field: 'firstName' | 'lastName', value: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  const first = field === 'firstName';
  if (!trimmed) throw new InvalidInputError(field, first ? msg('Enter your first name.') : msg('Enter your last name.'));
  if (trimmed.length > 100) {
    throw new InvalidInputError(
      field,
      first ? msg('The first name can be at most 100 characters.') : msg('The last name can be at most 100 characters.'),
    );
  }
  if (CONTROL.test(trimmed)) {
    throw new InvalidInputError(
      field,
      first ? msg('The first name contains characters that are not allowed.') : msg('The last name contains characters that are not allowed.'),
    );
  }
  return trimmed;
}

/** A country code in upper case, or null to clear. */
export function parseCountry(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  if (!code) return null;
  if (!countries.has(code)) throw new InvalidInputError('country', msg('Choose a country from the list (a two-letter ISO code such as SI).'));
  return code;
}

/**
 * E.164 form of a phone number, or null to clear. A number without a leading + is read in the
 * person's country, when one is known.
 */
export function parsePhone(value: string | null | undefined, country: string | null): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, (country ?? undefined) as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) {
    throw new InvalidInputError('phone', msg('Enter a valid phone number with its country code, for example +386 40 123 456.'));
  }
  return parsed.number;
}

/** Edits the own profile in one write; every value is checked before anything is stored. */
export async function updateProfile(ctx: AccountContext, input: UpdateProfileInput): Promise<Profile> {
  const user = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId });
  const firstName = input.firstName === undefined || input.firstName === null ? user.firstName : name('firstName', input.firstName);
  const lastName = input.lastName === undefined || input.lastName === null ? user.lastName : name('lastName', input.lastName);
  const country = input.country === undefined ? user.country : parseCountry(input.country);
  const phone = input.phone === undefined ? user.phone : parsePhone(input.phone, country);
  let company = user.company;
  if (input.company !== undefined) {
    company = input.company?.trim() || null;
    if (company && company.length > 200) throw new InvalidInputError('company', msg('The company name can be at most 200 characters.'));
    if (company && CONTROL.test(company)) throw new InvalidInputError('company', msg('The company name contains characters that are not allowed.'));
  }

  user.setName(firstName, lastName);
  user.country = country;
  user.phone = phone;
  user.company = company;
  if (input.language) user.language = input.language;
  // One commit: the profile and what the person's accounts see of it.
  await inTransaction(ctx, async (tx) => {
    await tx.em.flush();
    await membershipHooks().shareProfile(tx.em, user);
  });
  return toProfile(user);
}
