import { merge, type Tree } from '../resources';

export default merge(import.meta.glob<Tree>('./sl/*.json', { eager: true, import: 'default' }));
