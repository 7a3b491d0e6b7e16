import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify, type JWTPayload } from 'jose';
import { CliError, ExitCode } from './errors.js';
import type { Session, StoredLease } from './store.js';

/** The claims Seatwise puts in a lease (`apps/api/src/modules/oidc/checkout.service.ts`, `http/checkout.route.ts`). */
export interface LeaseClaims extends JWTPayload {
  sub: string;
  account_id: string;
  person_id: string;
  product: string;
  version: string;
  machine: string;
  subscription_id: string;
  licence_type: string;
  /** Named-user leases: the device in the person's profile, and the end of the offline grace period (seconds). */
  device_id?: string;
  grace_until?: number;
  /** Network leases. */
  lease_id?: string;
  heartbeat_seconds?: number;
}

export interface Verified {
  /** `valid` before the lease's expiry; `grace` after it, while the offline grace period runs (named-user leases). */
  status: 'valid' | 'grace';
  claims: LeaseClaims;
  expiresAt: Date;
  graceUntil: Date | null;
}

export interface VerifyOptions {
  /** The moment to check for (default now): "will this lease still hold on Friday?". */
  at?: Date;
  /** This machine's fingerprint: a lease copied from another machine is refused. */
  machine: string;
  /** The signed-in person: a lease of another person or account is refused. Null when signed out (the lease alone decides). */
  session: Session | null;
}

const invalid = (message: string, code: string) => new CliError(ExitCode.INVALID_LEASE, message, code);
const when = (date: Date) => date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/**
 * Checks a stored lease with no network: its EdDSA signature against the JWKS cached from
 * `/.well-known/jwks.json`, its issuer (the server) and audience (this product's client id), its
 * expiry and offline grace, and that it was issued for this machine and the signed-in person.
 */
export async function verifyLease(lease: StoredLease, jwks: JSONWebKeySet, options: VerifyOptions): Promise<Verified> {
  const at = options.at ?? new Date();
  let claims: LeaseClaims;
  let status: Verified['status'] = 'valid';
  try {
    ({ payload: claims } = await jwtVerify<LeaseClaims>(lease.lease, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      typ: 'seatwise-lease+jwt',
      issuer: lease.server,
      audience: lease.clientId,
      currentDate: at,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    // jose checks the signature before the times: an expired lease's claims are genuine.
    if (error instanceof errors.JWTExpired) {
      claims = error.payload as LeaseClaims;
      const graceUntil = typeof claims.grace_until === 'number' ? new Date(claims.grace_until * 1000) : null;
      if (!graceUntil || graceUntil.getTime() <= at.getTime()) {
        throw invalid(
          graceUntil
            ? `The lease expired on ${when(new Date(claims.exp! * 1000))} and its offline grace ended on ${when(graceUntil)}: connect to Seatwise and run \`checkout\`.`
            : `The lease expired on ${when(new Date(claims.exp! * 1000))}: run \`checkout\` (or \`heartbeat\` in time).`,
          'LEASE_EXPIRED',
        );
      }
      status = 'grace';
    } else if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
      throw invalid('The lease is not signed by this Seatwise server (no key of its JWKS verifies it).', 'BAD_SIGNATURE');
    } else if (error instanceof errors.JWTClaimValidationFailed) {
      throw invalid(`The lease is not for this product installation: its ${error.claim} claim does not match.`, 'WRONG_LEASE');
    } else if (error instanceof errors.JOSEError) {
      throw invalid(`The stored lease is not a valid Seatwise lease (${error.code}).`, 'BAD_LEASE');
    } else {
      throw error;
    }
  }
  const session = options.session;
  if (session && (claims.sub !== session.subject || claims.account_id !== session.accountId || claims.person_id !== session.personId)) {
    throw invalid(`The lease belongs to another person or account, not to ${session.email || session.subject} in ${session.accountName || session.accountId}: run \`checkout\`.`, 'WRONG_ACCOUNT');
  }
  if (claims.machine !== options.machine) throw invalid('The lease was issued for another machine: run `checkout` on this one.', 'WRONG_MACHINE');
  if (claims.product !== lease.product) throw invalid('The lease is for another product.', 'WRONG_LEASE');
  return {
    status,
    claims,
    expiresAt: new Date(claims.exp! * 1000),
    graceUntil: typeof claims.grace_until === 'number' ? new Date(claims.grace_until * 1000) : null,
  };
}

export { when as formatTime };
