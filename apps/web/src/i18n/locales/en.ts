import { merge, type Tree } from '../resources';

export default merge(import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' }));
