import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildGraphqlSchema } from './schema.js';

export const schemaFile = fileURLToPath(new URL('../../../../packages/schema/schema.graphql', import.meta.url));

/** The SDL as committed: sorted, so a diff shows only real changes. */
export async function printSdl(): Promise<string> {
  const schema = await buildGraphqlSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, await printSdl());
  console.log(`wrote ${schemaFile}`);
}
