import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientPresetOutput, schemaFile } from '@seatwise/schema/codegen';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes('graphql(`') ? [path] : [];
  });
}

/**
 * The client preset's `graphql()` holds every document it was generated for, so one generated
 * folder for the whole SPA would put every screen's documents in the first load. Each area (a
 * folder under src/routes, and src/session) gets its own instead, and its screens' chunks carry
 * only their own documents. A fragment defined in another area comes along with the file that
 * defines it.
 */
const areas = [...readdirSync('src/routes').map((name) => ({ name, dir: `src/routes/${name}` })), { name: 'session', dir: 'src/session' }];
const fragmentFile = new Map<string, string>();
for (const file of sources('src')) {
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/\bfragment (\w+) on\b/g)) fragmentFile.set(name!, file);
}

function areaDocuments(dir: string): string[] {
  const files = new Set(sources(dir));
  for (const file of files) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/\.\.\.(\w+)/g)) {
      const definedIn = fragmentFile.get(name!);
      if (definedIn) files.add(definedIn);
    }
  }
  return [...files];
}

/**
 * The contract's codegen (`@seatwise/schema/codegen`: its SDL, scalars, and enums imported from
 * `@seatwise/schema/client` rather than generated again), with one output per area.
 */
const codegen: CodegenConfig = {
  schema: schemaFile,
  ignoreNoDocuments: true,
  generates: {
    // Every operation's types in one place, for the components that name them (type imports only).
    'src/gql/': clientPresetOutput(['src/**/*.{ts,tsx}', '!src/gql/**']),
    ...Object.fromEntries(
      areas.flatMap(({ name, dir }) => {
        const documents = areaDocuments(dir);
        return documents.length ? [[`src/gql/${name}/`, clientPresetOutput(documents)]] : [];
      }),
    ),
  },
};

export default codegen;
