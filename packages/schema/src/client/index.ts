/**
 * The client side of the contract, for other apps: a type for every GraphQL type, input and enum,
 * and typed documents (TypedDocumentNode) for the operations in `operations/`. Nothing here loads
 * type-graphql or any server code.
 */
export type * from './schema-types.js';
export * from './operations.js';
/** The type of every document above, for clients that take a document and return its typed result. */
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
