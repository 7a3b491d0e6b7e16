import type { TypedDocumentNode } from '@seatwise/schema/client';
import { print } from 'graphql';

/** An error the Seatwise API answered with: its stable code and, for bad input, the field. */
export class SeatwiseApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SeatwiseApiError';
  }
}

export interface SeatwiseClient {
  /** Runs a typed document: the variables and the result are checked by the compiler. */
  request<Result, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result>;
}

interface GraphqlResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A client for one Seatwise server that sends a vendor service token as `Authorization: Bearer`. */
export function createSeatwiseClient(options: { url: string; token: string }): SeatwiseClient {
  const endpoint = new URL('/graphql', options.url);
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<never>;
    const error = body.errors?.[0];
    if (error) throw new SeatwiseApiError(error.message, error.extensions?.code ?? 'UNKNOWN', error.extensions?.field);
    if (!body.data) throw new SeatwiseApiError(`The server answered HTTP ${response.status} without data.`, 'NO_DATA');
    return body.data;
  };
  return {
    request: (document, variables) => post(print(document), variables),
  };
}
