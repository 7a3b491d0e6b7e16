import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { InvalidInputError, msg } from '../errors.js';

/**
 * The text inputs that may hold tabs and line breaks, by schema coordinate (`Type.field` for an
 * input field, `Type.field(argument:)` for an argument): the content of a CSV file and support's replies. Every
 * other text is one line. A test checks that each coordinate names a field of the schema.
 */
export const MULTI_LINE_TEXT: ReadonlySet<string> = new Set(['UserImportInput.csv', 'ReplyToSupportRequestInput.body', 'AddSupportMessageInput.body', 'OpenSupportRequestInput.description']);

/** C0 control characters and DEL; the multi-line kind allows tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ONE_LINE_REFUSED = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function refusal(field: string, multiLine: boolean): InvalidInputError {
  return new InvalidInputError(
    field,
    multiLine
      ? msg('{field} contains a NUL byte or another control character that text cannot hold.', { field })
      : msg('{field} must be a single line of text: line breaks, tabs and other control characters are not allowed.', { field }),
  );
}

/** The first text in `value` with a character its field does not take, as a typed error naming its path. */
function findRefused(value: unknown, type: GraphQLInputType, path: string, multiLine: boolean): InvalidInputError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findRefused(item, nullable.ofType, `${path}[${index}]`, multiLine);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const found = findRefused((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, MULTI_LINE_TEXT.has(`${nullable.name}.${field.name}`));
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'string' && (multiLine ? MULTI_LINE_REFUSED : ONE_LINE_REFUSED).test(value)) return refusal(path, multiLine);
  return null;
}

/** The operation and every fragment it spreads, directly or through other fragments. */
function reachableDefinitions(document: DocumentNode, operation: OperationDefinitionNode): ASTNode[] {
  const fragments = new Map(
    document.definitions.filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION).map((node) => [node.name.value, node]),
  );
  const reached: ASTNode[] = [operation];
  const seen = new Set<string>();
  for (let index = 0; index < reached.length; index += 1) {
    visit(reached[index]!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          reached.push(fragment);
        }
      },
    });
  }
  return reached;
}

/** The first argument value of the operation (variables included, as coerced) with a refused character. */
export function refusedText(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): InvalidInputError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  // Variables of the wrong type are refused by execution, with graphql-js's own error.
  if (coerced.errors) return null;
  const result: { refused?: InvalidInputError } = {};
  for (const definition of reachableDefinitions(document, operation)) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!field || !parent || !node.arguments?.length) return undefined;
          const values = getArgumentValues(field, node, coerced.coerced);
          for (const argument of field.args) {
            const refused = findRefused(values[argument.name], argument.type, argument.name, MULTI_LINE_TEXT.has(`${parent.name}.${field.name}(${argument.name}:)`));
            if (refused) {
              result.refused = refused;
              return BREAK;
            }
          }
          return undefined;
        },
      }),
    );
    if (result.refused) return result.refused;
  }
  return null;
}

/**
 * Refuses control characters in text input before anything runs: a NUL byte anywhere, and in the
 * one-line texts (names, searches, emails, passwords: all but `MULTI_LINE_TEXT`) line breaks, tabs
 * and the other C0 characters and DEL too. The answer is BAD_USER_INPUT naming the argument path
 * (`input.name`, `filter.search`), as any bad input is.
 */
export const textInputPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const refused = refusedText(schema, document, operation, request.variables ?? {});
        if (refused) throw new GraphQLError(refused.localized(), { originalError: refused, extensions: { http: { status: 400 } } });
      },
    };
  },
};
