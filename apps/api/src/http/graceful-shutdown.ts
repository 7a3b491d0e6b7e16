import type { Server } from 'node:http';
import net from 'node:net';
import type { SeatwiseApp } from '../app.js';

const after = (ms: number) => new Promise<false>((resolve) => setTimeout(resolve, ms, false).unref());

/**
 * On SIGTERM (or SIGINT): `/readyz` answers 503 so a balancer stops sending traffic, the listening
 * socket closes (new connections are refused, idle keep-alive ones closed, every later response
 * says `Connection: close`), requests in flight run to their end within `deadlineMs`, the job in
 * hand either finishes or is given back to the queue, then the pool closes and the process exits:
 * 0 when every request finished, 1 when the deadline cut some off.
 */
/**
 * Closes the listening socket and resolves when the last connection has closed. Not `server.close()`:
 * in Node 20 it also closes every connection without a request in hand at once, including one just
 * accepted whose request is still on its way, which its client sees as a reset. Idle connections
 * are closed from a second later, each second, so only a keep-alive connection left idle is cut.
 */
function stopAccepting(server: Server): Promise<true> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 1_000);
    net.Server.prototype.close.call(server, () => {
      clearInterval(sweep);
      resolve(true);
    });
  });
}

export function exitGracefully(server: Server, seatwise: SeatwiseApp, deadlineMs: number): void {
  const { logger } = seatwise;
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    seatwise.readiness.draining = true;
    logger.info({ signal, deadlineMs }, 'shutting down: finishing requests in flight');
    const served = stopAccepting(server);
    const [finished] = await Promise.all([Promise.race([served, after(deadlineMs)]), seatwise.worker.stop(deadlineMs)]);
    if (!finished) {
      logger.warn('shutdown deadline reached: closing the connections still open');
      server.closeAllConnections();
    }
    const closed = await Promise.race([seatwise.close().then(() => true), after(5_000)]);
    if (!closed) logger.warn('closing the database and the event bus took over 5 s; exiting anyway');
    logger.info('shut down');
    process.exit(finished ? 0 : 1);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}
