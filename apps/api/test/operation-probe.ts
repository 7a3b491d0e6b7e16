import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
} from 'graphql';

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every root query and mutation of the built schema: what the API offers, including fields added later. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field }));
  const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field }));
  return [...query, ...mutation];
}

const scalarSamples: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  UUID: '00000000-0000-4000-8000-000000000000',
  String: 'probe',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTimeISO: '2026-01-01T00:00:00.000Z',
};

/** A value that passes GraphQL's own validation for a type: required input fields filled, lists empty. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isScalarType(type)) return scalarSamples[type.name] ?? 'probe';
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  return null;
}

/**
 * A valid document calling one operation with sample values for its required arguments, selecting
 * only `__typename` of an object result: enough for the scope check, which runs before the resolver.
 */
export function probeDocument({ kind, field }: RootOperation): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)]));
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { query, variables };
}
