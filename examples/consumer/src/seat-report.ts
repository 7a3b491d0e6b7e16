import {
  ServerInfoDocument,
  type ServerInfoQuery,
  type UserFieldsFragment,
  UsersDocument,
} from '@seatwise/schema/client';
import { allNodes } from './pages.js';
import type { SeatwiseClient } from './seatwise-client.js';

/** One line of the report: who holds seats and how many. */
export interface SeatLine {
  name: string;
  email: string;
  team: string | null;
  seatsUsed: number;
}

export interface SeatReport {
  server: ServerInfoQuery['serverInfo'];
  lines: SeatLine[];
  totalSeatsUsed: number;
}

const toLine = (user: UserFieldsFragment): SeatLine => ({
  name: user.name,
  email: user.email,
  team: user.team?.name ?? null,
  seatsUsed: user.seatCount,
});

/**
 * The seats used in the account, per person who holds any, largest first. Needs a token with
 * `read:users`; reads the whole list in pages of 100.
 */
export async function seatReport(client: SeatwiseClient): Promise<SeatReport> {
  const { serverInfo } = await client.request(ServerInfoDocument, {});
  const users = await allNodes(async (after) => (await client.request(UsersDocument, { first: 100, after })).users);
  const lines = users
    .map(toLine)
    .filter((line) => line.seatsUsed > 0)
    .sort((a, b) => b.seatsUsed - a.seatsUsed || a.name.localeCompare(b.name));
  return { server: serverInfo, lines, totalSeatsUsed: lines.reduce((sum, line) => sum + line.seatsUsed, 0) };
}

/** The report as text, one person a line. */
export function formatSeatReport(report: SeatReport): string {
  const width = Math.max(4, ...report.lines.map((line) => line.name.length));
  const rows = report.lines.map((line) => `${line.name.padEnd(width)}  ${String(line.seatsUsed).padStart(5)}  ${line.email}`);
  return [
    `Seatwise ${report.server.version}: ${report.lines.length} people hold ${report.totalSeatsUsed} seats`,
    `${'Name'.padEnd(width)}  Seats  Email`,
    ...rows,
  ].join('\n');
}
