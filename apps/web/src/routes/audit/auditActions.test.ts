import { customerAuditActionGroups, customerAuditActions } from '@seatwise/schema/client';
import { describe, expect, it } from 'vitest';
import { loadLanguage, type Tree } from '../../i18n/resources';
import { actionLabelKey } from './auditActions';

const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe('the audit log filter', () => {
  it.each(['en', 'sl'])('names every action the log records, and every group, in %s', async (language) => {
    const tree = await loadLanguage(language);
    const unnamed = customerAuditActions.filter((action) => typeof at(tree, actionLabelKey(action)) !== 'string');
    expect(unnamed).toEqual([]);
    for (const group of Object.keys(customerAuditActionGroups)) expect(at(tree, `audit.actionGroups.${group}`), group).toEqual(expect.any(String));
    // The labels tell the actions apart.
    const labels = customerAuditActions.map((action) => at(tree, actionLabelKey(action)));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
