#!/usr/bin/env node
import { apiScopeRules } from '@seatwise/schema/client';
import { formatSubscriptionReport, subscriptionReport } from './subscription-report.js';
import { createSeatwiseClient, SeatwiseApiError } from './seatwise-client.js';

const url = process.env.SEATWISE_URL ?? 'http://localhost:4000';
const token = process.env.SEATWISE_TOKEN;
if (!token) {
  console.error(
    `Set SEATWISE_TOKEN to a Seatwise service token with the ${apiScopeRules.READ_SUBSCRIPTIONS.value} scope (Developer settings).`,
  );
  process.exit(2);
}

try {
  console.log(formatSubscriptionReport(await subscriptionReport(createSeatwiseClient({ url, token }))));
} catch (error) {
  if (!(error instanceof SeatwiseApiError)) throw error;
  console.error(`Seatwise refused: ${error.message} (${error.code})`);
  process.exit(1);
}
