import { registerEnumType } from 'type-graphql';
import { type VendorScope as VendorScopeName, vendorScopeRules, vendorScopes } from '../client/token-scopes.js';

type ScopeValues = { readonly [Name in VendorScopeName]: (typeof vendorScopeRules)[Name]['value'] };

/**
 * The server's view of the vendor scopes in `client/token-scopes.ts`: each by its value
 * (`VendorScope.VENDOR_CUSTOMERS_READ` is `vendor:customers:read`), as vendor tokens store it and
 * messages write it, like `ApiScope`. GraphQL names it VENDOR_CUSTOMERS_READ.
 */
export const VendorScope = Object.fromEntries(vendorScopes.map((name) => [name, vendorScopeRules[name].value])) as ScopeValues;
export type VendorScope = ScopeValues[VendorScopeName];

const names = new Map<string, VendorScopeName>(vendorScopes.map((name) => [vendorScopeRules[name].value, name]));

/** `vendor:customers:read` → `VENDOR_CUSTOMERS_READ`; undefined for anything else. */
export function vendorScopeName(scope: string): VendorScopeName | undefined {
  return names.get(scope);
}

registerEnumType(VendorScope, {
  name: 'VendorScope',
  description: "A permission a vendor service token can be given (the Vendor console's API tokens); each vendor operation names the one it needs.",
  valuesConfig: Object.fromEntries(vendorScopes.map((name) => [name, { description: vendorScopeRules[name].description }])),
});
