/**
 * The exit codes of the CLI. A product that runs it (or copies its functions) can tell what to
 * show from the code alone; the printed sentence says the rest.
 */
export const ExitCode = {
  OK: 0,
  /** Something unexpected: a bug, a full disk, an answer the client does not understand. */
  FAILED: 1,
  /** A wrong command line or setting (`--help` says which). */
  USAGE: 2,
  /** Seatwise said no: no seat, another person's lease, a lease that ended. The code is printed. */
  REFUSED: 3,
  /** The stored lease does not hold (expired past its grace, wrong signature, machine or person). */
  INVALID_LEASE: 4,
  /** Not signed in, or the sign-in did not finish (code expired, denied, signed out in Seatwise). */
  NOT_SIGNED_IN: 5,
  /** The server could not be reached. */
  UNREACHABLE: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI prints as it is (one sentence, no stack) and exits with its code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** The server's refusal code, when the server refused. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The refusal of a Seatwise licence route: its stable code and its sentence in the request's language. */
export class RefusedError extends CliError {
  constructor(
    code: string,
    readonly serverMessage: string,
    readonly status: number,
  ) {
    // The server's sentence is in the person's language (Accept-Language): printed as it is, with its code.
    super(ExitCode.REFUSED, `${serverMessage} (${code})`, code);
    this.name = 'RefusedError';
  }
}
