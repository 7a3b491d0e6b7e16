import { useEffect } from 'react';
import { useBrand } from '../brand/brand';

/**
 * The browser tab names the page as its heading does, then the brand ("Seat Usage · Seatwise"),
 * and goes back to the brand alone when the page closes.
 */
export function useDocumentTitle(title: string) {
  const { brand } = useBrand();
  useEffect(() => {
    document.title = title ? `${title} · ${brand.name}` : brand.name;
    return () => {
      document.title = brand.name;
    };
  }, [title, brand.name]);
}
