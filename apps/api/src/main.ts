import { createServer } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './app.js';
import { DatabaseStartError } from './db/database.js';
import { exitGracefully } from './http/graceful-shutdown.js';
import { seedDemo } from './db/seed/demo.js';
import { announceFirstRun } from './modules/vendor/first-run.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const seatwise = await createApp(config).catch((error: unknown) => {
  // A database start-up refused (unreachable, too old, behind with migrations off): one clear line.
  if (!(error instanceof DatabaseStartError)) throw error;
  console.error(error.message);
  process.exit(1);
});
if (config.demo) seatwise.logger.info(await seedDemo(seatwise.orm, { dataDir: config.dataDir }));
await announceFirstRun(seatwise.orm, config, seatwise.logger);

const server = createServer(seatwise.app);
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${config.port} is already in use: stop the other server or set PORT to another port.`
      : `Could not listen on ${config.host}:${config.port}: ${error.message}`,
  );
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  // Where people open it: this server, or the dev server in front of it (`npm run dev`).
  const url = config.publicUrl;
  console.log(`\nSeatwise is running at ${url}  (GraphQL and playground: ${url}/graphql)\n`);
});
exitGracefully(server, seatwise, config.shutdownSeconds * 1000);
