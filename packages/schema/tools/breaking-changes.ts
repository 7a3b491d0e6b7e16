import { type BreakingChange, buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

/** The part of CHANGELOG.md under `## Unreleased`, up to the next `## ` heading. */
export function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## Unreleased\s*$/m);
  if (start < 0) return '';
  const rest = changelog.slice(start).split('\n').slice(1).join('\n');
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

export interface SchemaComparison {
  breaking: BreakingChange[];
  /** Breaking changes the CHANGELOG's Unreleased section does not mention word for word. */
  unrecorded: BreakingChange[];
  dangerous: string[];
}

/**
 * Compares the schema with the last released one (graphql-js's findBreakingChanges). A breaking
 * change is allowed only when the Unreleased section of the CHANGELOG quotes its description, so
 * every break reaches the release notes consumers read.
 */
export function compareWithRelease(releasedSdl: string, currentSdl: string, changelog: string): SchemaComparison {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const breaking = findBreakingChanges(released, current);
  const notes = unreleasedSection(changelog);
  const unrecorded = breaking.filter((change) => !notes.includes(change.description.replace(/\.$/, '')));
  return { breaking, unrecorded, dangerous: findDangerousChanges(released, current).map((change) => change.description) };
}
