import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/**
 * The names of the fields a selection set asks for at its own level, through fragments and inline
 * fragments; `@skip` and `@include` are not evaluated, so a skipped field still counts as asked.
 */
export function selectedFieldNames(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectedFieldNames(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    // Own properties only: a plain object's fragments must not find `constructor` on its prototype.
    const fragment = Object.hasOwn(fragments, name) ? fragments[name] : undefined;
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return selectedFieldNames(fragment.selectionSet, fragments, seen);
  });
}

/** Whether the query asks the field being resolved for its child `name`: for a resolver that can leave out expensive parts nobody selected. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selectedFieldNames(node.selectionSet, info.fragments).includes(name));
}
