import { merge, type Tree } from '../resources';

// The areas of the pages before sign-in (firstAreas in ../resources.ts); the rest is sl.rest.ts.
export default merge(
  import.meta.glob<Tree>('./sl/{common,identity,invite,outbox,playground,security,sign-in}.json', { eager: true, import: 'default' }),
);
