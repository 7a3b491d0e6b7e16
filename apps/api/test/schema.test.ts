import { existsSync, readFileSync } from 'node:fs';
import {
  type GraphQLArgument,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSdl, schemaFile } from '../src/graphql/emit-schema.js';
import { buildGraphqlSchema } from '../src/graphql/schema.js';

describe('GraphQL schema', () => {
  it('matches the committed packages/schema/schema.graphql', async () => {
    const committed = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '';
    expect(committed, 'packages/schema/schema.graphql is missing or stale: run `pnpm schema:emit`').toBe(await printSdl());
  });

  it('describes every type, field, argument, enum value and input field', async () => {
    const schema = await buildGraphqlSchema();
    const missing: string[] = [];
    const check = (path: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(path);
    };
    const checkField = (owner: string, field: GraphQLField<unknown, unknown> | GraphQLInputField) => {
      check(`${owner}.${field.name}`, field.description);
      for (const arg of 'args' in field ? (field.args as readonly GraphQLArgument[]) : []) {
        check(`${owner}.${field.name}(${arg.name})`, arg.description);
      }
    };
    // Root operation types are containers (type-graphql cannot describe them); their fields are checked.
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!roots.has(type as never)) check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) checkField(type.name, field);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues() as GraphQLEnumValue[]) check(`${type.name}.${value.name}`, value.description);
      }
    }
    expect(missing, 'add a `description` to each of these').toEqual([]);
  });
});
