/**
 * The paths the API answers itself; every other GET is the SPA's. The API's SPA fallback leaves
 * these alone and the Vite dev server (apps/web/vite.config.ts) proxies exactly these, so a route
 * mounted outside them would be swallowed by the SPA in both. `server-routes.test.ts` fails on one.
 * No imports: the web's dev config reads this file too.
 */
export const serverRoutePrefixes = ['/graphql', '/healthz', '/readyz', '/metrics', '/api/', '/scim/', '/oidc/', '/.well-known/'] as const;
