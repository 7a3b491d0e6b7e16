import { plural } from '../plural.js';

/** English forms of the plural messages of exports and the audit log. */
export const exports: Record<string, string> = {
  ...plural('Exported {file} ({count} rows)', {
    one: 'Exported {file} ({count} row)',
    other: 'Exported {file} ({count} rows)',
  }),
  // A person's status: the same English word as a subscription's, another word in Slovenian.
  'Person status: Active': 'Active',
  'Person status: Invited': 'Invited',
  'Person status: Inactive': 'Inactive',
};
