/** How GraphQL values become TypeScript: scalars as strings, enums as the unions of `@seatwise/schema/client`. */
export interface TypesConfig {
  enumsAsTypes: true;
  useTypeImports: true;
  scalars: { DateTimeISO: 'string'; UUID: 'string' };
}
/** The SDL of the contract, found through the package (`@seatwise/schema/schema.graphql`). */
export declare const schemaFile: string;
export declare const typesConfig: TypesConfig;
/** Every enum of the schema, by name. */
export declare function enumNames(): string[];
/** `enumValues` for codegen: each enum's type imported from `moduleOf(name)` (default `@seatwise/schema/client`). */
export declare function enumImports(moduleOf?: (name: string) => string): Record<string, string>;
/** One output of codegen's client preset for these documents, typed by the contract. */
export declare function clientPresetOutput(documents: string[]): {
  documents: string[];
  preset: 'client';
  presetConfig: { fragmentMasking: false };
  config: TypesConfig & { enumValues: Record<string, string> };
};
