/**
 * Typed errors with a stable `code` and, for bad input, the offending `field`. Services throw them;
 * one Apollo plugin turns them into GraphQL errors (`extensions.code`, `extensions.field`).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    /** More facts for the client, e.g. the limit that was exceeded or the scope that is missing. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends AppError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, field);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, field?: string) {
    super('NOT_FOUND', `${what} was not found.`, field);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You need to sign in first.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super('FORBIDDEN', message);
  }
}
