import { dataOf, type TestClient } from './harness.js';

export const CREATE_VENDOR_TOKEN = `mutation ($input: CreateVendorApiTokenInput!) {
  createVendorApiToken(input: $input) { secret token { id name prefix scopes status createdBy { email } } }
}`;

/** A vendor service token created by a signed-in operator; returns its secret. Scopes by GraphQL name (VENDOR_CUSTOMERS_READ). */
export async function createVendorToken(operator: TestClient, name: string, scopes: string[], expiresInDays = 30): Promise<string> {
  const { createVendorApiToken } = dataOf(
    await operator.graphql<{ createVendorApiToken: { secret: string } }>(CREATE_VENDOR_TOKEN, { input: { name, scopes, expiresInDays } }),
  );
  return createVendorApiToken.secret;
}
