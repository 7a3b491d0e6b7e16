import { ServerInfoDocument, SubscriptionsDocument, type SubscriptionsQuery } from '@seatwise/schema/client';
import type { SeatwiseClient } from './seatwise-client.js';

export type SubscriptionLine = SubscriptionsQuery['subscriptions']['edges'][number]['node'];

export interface SubscriptionReport {
  version: string;
  subscriptions: SubscriptionLine[];
  seatsUsed: number;
  seatsTotal: number;
}

/** Every subscription of the account, page after page. */
export async function allSubscriptions(client: SeatwiseClient): Promise<SubscriptionLine[]> {
  const lines: SubscriptionLine[] = [];
  let after: string | null = null;
  for (;;) {
    const { subscriptions }: SubscriptionsQuery = await client.request(SubscriptionsDocument, { first: 100, after });
    lines.push(...subscriptions.edges.map((edge) => edge.node));
    if (!subscriptions.pageInfo.hasNextPage) return lines;
    after = subscriptions.pageInfo.endCursor ?? null;
  }
}

/** The account's subscriptions with the seats used of each. Needs a token with `read:subscriptions`. */
export async function subscriptionReport(client: SeatwiseClient): Promise<SubscriptionReport> {
  const [{ serverInfo }, subscriptions] = await Promise.all([client.request(ServerInfoDocument, {}), allSubscriptions(client)]);
  return {
    version: serverInfo.version,
    subscriptions,
    seatsUsed: subscriptions.reduce((sum, line) => sum + line.seatsUsed, 0),
    seatsTotal: subscriptions.reduce((sum, line) => sum + line.seatsTotal, 0),
  };
}

/** The report as text, one subscription a line. */
export function formatSubscriptionReport(report: SubscriptionReport): string {
  const width = Math.max(12, ...report.subscriptions.map((line) => line.name.length));
  const rows = report.subscriptions.map(
    (line) =>
      `${line.name.padEnd(width)}  ${`${line.seatsUsed}/${line.seatsTotal}`.padStart(9)}  ${line.status.padEnd(8)}  ${line.endsOn}  ${line.serialNumber}`,
  );
  return [
    `Seatwise ${report.version}: ${report.subscriptions.length} subscriptions, ${report.seatsUsed} of ${report.seatsTotal} seats used`,
    `${'Subscription'.padEnd(width)}  ${'Seats'.padStart(9)}  ${'Status'.padEnd(8)}  ${'Ends on'.padEnd(10)}  Serial number`,
    ...rows,
  ].join('\n');
}
