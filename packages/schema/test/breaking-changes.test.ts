import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithRelease, unreleasedSection } from '../tools/breaking-changes.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const released = read('baseline/schema.graphql');
const current = read('schema.graphql');
const changelog = read('CHANGELOG.md');

describe('schema.graphql against the last released version (baseline/schema.graphql)', () => {
  it('has no breaking change that the CHANGELOG does not record', () => {
    const { unrecorded } = compareWithRelease(released, current, changelog);
    const lines = unrecorded.map((change) => `- BREAKING ${change.type}: ${change.description}`);
    expect(
      lines,
      `Breaking schema changes must be recorded under "## Unreleased" in packages/schema/CHANGELOG.md; add:\n${lines.join('\n')}`,
    ).toEqual([]);
  });

  it('catches a removed field, an argument made required and a removed enum value', () => {
    const broken = current
      .replace(/^\s*"""Version of the Seatwise API."""\n\s*version: String!\n/m, '\n')
      .replace('users(\n', 'users(\n    """Required now."""\n    region: String!\n')
      .replace(/^\s*"""Uses the products assigned to them and manages their own profile."""\n\s*USER\n/m, '\n');
    expect(broken).not.toBe(current);
    const { breaking, unrecorded } = compareWithRelease(current, broken, changelog);
    expect(breaking.map((change) => change.type).sort()).toEqual(['FIELD_REMOVED', 'REQUIRED_ARG_ADDED', 'VALUE_REMOVED_FROM_ENUM']);
    expect(unrecorded).toHaveLength(3);
  });

  it('lets a breaking change through once the Unreleased section quotes it, and only there', () => {
    const broken = current.replace(/^\s*"""Version of the Seatwise API."""\n\s*version: String!\n/m, '\n');
    const description = 'ServerInfo.version was removed';
    const recorded = `# Changelog\n\n## Unreleased\n\n- BREAKING FIELD_REMOVED: ${description}.\n\n## 0.1.0\n`;
    expect(compareWithRelease(current, broken, recorded).unrecorded).toEqual([]);
    const inOldRelease = `# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n- ${description}.\n`;
    expect(compareWithRelease(current, broken, inOldRelease).unrecorded).toHaveLength(1);
    expect(unreleasedSection(inOldRelease).trim()).toBe('');
  });
});
