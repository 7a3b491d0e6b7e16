/**
 * The client side of the contract, for other apps and the SPA: a type for every GraphQL type, input
 * and enum; every enum's values (`enums.ts`); the token-scope rules (`token-scopes.ts`); the brand Seatwise ships with (`brand.ts`); typed
 * documents (TypedDocumentNode) for the operations in `operations/`. Nothing here loads type-graphql,
 * reflect-metadata or any server code (test/client-entry.test.ts bundles it to make sure).
 */
// The values first: `export type *` below re-exports the enums too, and the first export of a name decides
// whether it is a value.
export * from './enums.js';
export * from './token-scopes.js';
export * from './audit-actions.js';
export * from './brand.js';
export type * from './schema-types.js';
export * from './operations.js';
/** The type of every document above, for clients that take a document and return its typed result. */
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
