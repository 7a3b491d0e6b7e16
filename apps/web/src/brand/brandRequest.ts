import { loadBrand } from './brand';

/** The brand, asked for as the entry starts (main.tsx imports this first). */
export const brandRequest = loadBrand();
