import type { CodegenConfig } from '@graphql-codegen/cli';

const shared = {
  enumsAsTypes: true,
  useTypeImports: true,
  scalars: { DateTimeISO: 'string', UUID: 'string' },
};

/**
 * What other apps import from `@seatwise/schema/client`: a TypeScript type for every schema type,
 * input and enum (`schema-types.ts`), and result types plus typed documents for the operations in
 * `operations/` (`operations.ts`, importing the former). No runtime beyond the documents' objects.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'operations/*.graphql',
  generates: {
    'src/client/schema-types.ts': {
      plugins: ['typescript'],
      config: { ...shared, avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false } },
    },
    'src/client/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        ...shared,
        importSchemaTypesFrom: 'src/client/schema-types.ts',
        namespacedImportName: 'Types',
        importExtension: '.js',
        dedupeFragments: true,
      },
    },
  },
};

export default config;
