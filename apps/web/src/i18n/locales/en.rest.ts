import { merge, type Tree } from '../resources';

// Every area but those of the pages before sign-in (en.ts), loaded with the first signed-in screen.
export default merge(
  import.meta.glob<Tree>(['./en/*.json', '!./en/{common,identity,invite,outbox,playground,security,sign-in}.json'], {
    eager: true,
    import: 'default',
  }),
);
