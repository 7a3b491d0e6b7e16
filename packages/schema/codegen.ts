import type { CodegenConfig } from '@graphql-codegen/cli';
import { enumImports, schemaFile, typesConfig } from './codegen/index.js';

/**
 * What other apps import from `@seatwise/schema/client`: a TypeScript type for every schema type
 * and input (`schema-types.ts`, its enums imported from `enums.ts` and `token-scopes.ts`), and
 * result types plus typed documents for the operations in `operations/` (`operations.ts`,
 * importing the former). The settings are `codegen/index.js`, which the SPA's codegen uses too.
 */
const config: CodegenConfig = {
  schema: schemaFile,
  documents: 'operations/*.graphql',
  generates: {
    'src/client/schema-types.ts': {
      plugins: ['typescript'],
      config: {
        ...typesConfig,
        enumValues: enumImports((name) => (name === 'ApiScope' || name === 'VendorScope' ? './token-scopes.js' : './enums.js')),
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
    'src/client/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        ...typesConfig,
        importSchemaTypesFrom: 'src/client/schema-types.ts',
        namespacedImportName: 'Types',
        importExtension: '.js',
        dedupeFragments: true,
      },
    },
  },
};

export default config;
