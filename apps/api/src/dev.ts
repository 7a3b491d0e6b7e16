import { readFileSync, writeFileSync } from 'node:fs';
import { printSdl, schemaFile } from './graphql/emit-schema.js';

// `npm run dev` restarts this whenever the API or the built contract changes. The committed SDL is
// brought up to date first, so the SPA's codegen (run by Vite) follows a contract edit by itself and
// the change shows in `git diff` for review; `npm start` never writes it.
const sdl = await printSdl();
if (readFileSync(schemaFile, 'utf8') !== sdl) {
  writeFileSync(schemaFile, sdl);
  console.log(`seatwise dev: the contract changed, wrote ${schemaFile}`);
}
await import('./main.js');
