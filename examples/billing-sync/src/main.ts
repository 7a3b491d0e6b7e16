#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { vendorScopeRules } from '@seatwise/schema/client';
import { BillingFileError, parseEvents } from './events.js';
import { SeatwiseApiError, createSeatwiseClient } from './seatwise-client.js';
import { replayEvents, UnsupportedEventsError } from './sync.js';

const url = process.env.SEATWISE_URL ?? 'http://localhost:4000';
const token = process.env.SEATWISE_TOKEN;
const file = process.argv[2];
if (!token || !file) {
  console.error(
    `Usage: SEATWISE_TOKEN=sw_vnd_… billing-sync <events.jsonl>. The token is a vendor service token (Vendor console, API tokens) with ${[vendorScopeRules.VENDOR_CUSTOMERS_READ, vendorScopeRules.VENDOR_CUSTOMERS_WRITE, vendorScopeRules.VENDOR_SUBSCRIPTIONS_READ, vendorScopeRules.VENDOR_SUBSCRIPTIONS_WRITE].map((rule) => rule.value).join(', ')}.`,
  );
  process.exit(2);
}

try {
  const events = parseEvents(readFileSync(file, 'utf8'));
  const report = await replayEvents(createSeatwiseClient({ url, token }), events);
  console.log(`${events.length} events replayed: ${report.sent} sent with their ids as idempotency keys, ${report.alreadyThere} already there.`);
} catch (error) {
  if (error instanceof SeatwiseApiError) {
    console.error(`Seatwise refused: ${error.message} (${error.code})`);
    process.exit(1);
  }
  if (error instanceof UnsupportedEventsError || error instanceof BillingFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
