import { plural } from '../plural.js';

/** English forms of the plural messages of the GraphQL and HTTP layers and the other modules. */
export const platform: Record<string, string> = {
  ...plural('A batch can hold at most {limit} operations; this one has {count}.', {
    one: 'A batch can hold at most {limit} operations; this one has {count}.',
    other: 'A batch can hold at most {limit} operations; this one has {count}.',
  }),
};
