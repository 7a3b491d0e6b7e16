// The one GraphQL codegen setup for every client of the Seatwise API: this package's own
// `src/client/` types and documents, the SPA's per-area `graphql()` functions, any other app's.
// Plain JavaScript so that a codegen config can load it before anything is built.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType } from 'graphql';

/** The SDL of the contract, found through the package (`@seatwise/schema/schema.graphql`). */
export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** How GraphQL values become TypeScript: scalars as strings, enums as the unions of `@seatwise/schema/client`. */
export const typesConfig = {
  enumsAsTypes: true,
  useTypeImports: true,
  scalars: { DateTimeISO: 'string', UUID: 'string' },
};

/** Every enum of the schema, by name. */
export function enumNames() {
  const types = buildSchema(readFileSync(schemaFile, 'utf8')).getTypeMap();
  return Object.keys(types).filter((name) => !name.startsWith('__') && isEnumType(types[name]));
}

/**
 * `enumValues` for codegen: each enum's type is imported from `moduleOf(name)` instead of being
 * generated again, so the values defined once in `src/client/enums.ts` are the types too.
 */
export function enumImports(moduleOf = () => '@seatwise/schema/client') {
  return Object.fromEntries(enumNames().map((name) => [name, `${moduleOf(name)}#${name}`]));
}

/**
 * One output of codegen's client preset (`graphql()` plus the types of the given documents), typed by
 * the contract: scalars and enums as above, no fragment masking.
 */
export function clientPresetOutput(documents) {
  return {
    documents,
    preset: 'client',
    presetConfig: { fragmentMasking: false },
    config: { ...typesConfig, enumValues: enumImports() },
  };
}
