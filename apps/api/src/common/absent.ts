/**
 * A part of a request that work outside one (the demo seed, a scheduled job) has none of (HTTP,
 * mail, SMS, rate limits): any use of it fails loudly, naming `who` and what was read.
 */
export function absent<T extends object>(who: string, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      throw new Error(`${who} runs without ${what}: a service it calls read ${what}.${key}`);
    },
  });
}
