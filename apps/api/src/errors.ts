import { Language } from '@seatwise/schema';
import { type Message, msg, render, say } from './i18n/messages.js';

export { msg, type Message };

/**
 * Typed errors with a stable `code` and, for bad input, the offending `field`. Services throw them;
 * one Apollo plugin turns them into GraphQL errors (`extensions.code`, `extensions.field`). The
 * message is a `Message`, sent in the request's language; `error.message` is its English text,
 * for logs and tests.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly text: Message,
    readonly field?: string,
    /** More facts for the client, e.g. the limit that was exceeded or the scope that is missing. */
    readonly details?: Record<string, unknown>,
  ) {
    super(render(text, Language.EN));
    this.name = new.target.name;
  }

  /** The message in the language of the request being served. */
  localized(): string {
    return say(this.text);
  }
}

export class InvalidInputError extends AppError {
  constructor(field: string, message: Message) {
    super('BAD_USER_INPUT', message, field);
  }
}

/**
 * Several invalid fields at once: `field` and the message are the first one's, and
 * `extensions.errors` lists every one (`{ field, message }`), so a form marks them all in one go.
 */
export class InvalidInputsError extends InvalidInputError {
  constructor(readonly fieldErrors: readonly { field: string; message: Message }[]) {
    if (fieldErrors.length === 0) throw new Error('InvalidInputsError needs at least one field error');
    super(fieldErrors[0]!.field, fieldErrors[0]!.message);
  }

  /** Every field error, its message in the language of the request being served. */
  localizedErrors(): { field: string; message: string }[] {
    return this.fieldErrors.map((error) => ({ field: error.field, message: say(error.message) }));
  }
}

/** What may be missing; each has its own sentence, so every language can say it properly. */
const notFound = {
  'API token': msg('The API token was not found.'),
  Contract: msg('The contract was not found.'),
  Export: msg('That export was not found.'),
  'Export run': msg('That run of a scheduled export was not found.'),
  'Scheduled export': msg('That scheduled export was not found.'),
  'Failed delivery': msg('No failed delivery with this id: it was queued again already, or cleaned up.'),
  'Failed job': msg('No failed job with this id: it was queued again already, or cleaned up.'),
  Invitation: msg('The invitation was not found.'),
  Product: msg('The product was not found.'),
  'Reclaim policy': msg('The reclaim policy was not found.'),
  'Install package': msg('The install package was not found.'),
  'Seat assignment': msg('The seat assignment was not found.'),
  'Seat ledger entry': msg('No entry of the seat ledger has this id.'),
  Session: msg('The session was not found.'),
  'Single sign-on provider': msg('The single sign-on provider was not found.'),
  'Email domain': msg('The email domain was not found.'),
  Subscription: msg('The subscription was not found.'),
  Team: msg('The team was not found.'),
  User: msg('The user was not found.'),
} as const;

export class NotFoundError extends AppError {
  constructor(what: keyof typeof notFound, field?: string) {
    super('NOT_FOUND', notFound[what], field);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = msg('You need to sign in first.')) {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = msg('Your role does not allow this.')) {
    super('FORBIDDEN', message);
  }
}
