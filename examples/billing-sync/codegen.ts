import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientPresetOutput, schemaFile } from '@seatwise/schema/codegen';

/** The contract's one codegen setup (`@seatwise/schema/codegen`), for the documents in `src/`. */
const codegen: CodegenConfig = {
  schema: schemaFile,
  emitLegacyCommonJSImports: false,
  generates: { 'src/gql/': clientPresetOutput(['src/**/*.ts', '!src/gql/**']) },
};

export default codegen;
