import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/modules/accounts/account.entity.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { Job, JobStatus } from '../src/modules/jobs/job.entity.js';
import { UsageEvent } from '../src/modules/usage/usage-event.entity.js';
import { applyRetention } from '../src/retention.js';
import { WebhookAttemptRow } from '../src/modules/webhooks/webhook-attempt.entity.js';
import { WebhookDeliveryRow } from '../src/modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpointRow } from '../src/modules/webhooks/webhook-endpoint.entity.js';
import { drivers, startTestApp, type TestApp } from './harness.js';

const DAY = 86_400_000;

describe.each(drivers)('retention of usage events, audit entries and jobs (%s)', (driver) => {
  let app: TestApp;
  const now = new Date('2027-06-01T12:00:00Z');
  const old = new Date(now.getTime() - 500 * DAY);
  const recent = new Date(now.getTime() - 10 * DAY);

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_RETAIN_USAGE_EVENTS_DAYS: '400', SEATWISE_RETAIN_AUDIT_DAYS: '365', SEATWISE_RETAIN_JOBS_DAYS: '30' } });
  });
  afterAll(() => app?.close());

  const em = () => app.em() as EntityManager;
  const count = (entity: typeof UsageEvent | typeof AuditEntry | typeof Job, where: object = {}) => em().count(entity, where, { filters: false });

  it('deletes only what is older than its setting, and leaves waiting jobs whatever their age', async () => {
    // The seeded events: the older half by id (ids grow with arrival) arrived 500 days ago.
    const ids = (await em().find(UsageEvent, {}, { filters: false, fields: ['id'], orderBy: { id: 'asc' } })).map((event) => event.id);
    expect(ids.length).toBeGreaterThan(10);
    const middle = ids[Math.floor(ids.length / 2)]!;
    await em().nativeUpdate(UsageEvent, { id: { $lt: middle } }, { receivedAt: old }, { filters: false });
    await em().nativeUpdate(UsageEvent, { id: { $gte: middle } }, { receivedAt: recent }, { filters: false });
    const youngEvents = await count(UsageEvent, { id: { $gte: middle } });

    const audits = (await em().find(AuditEntry, {}, { filters: false, fields: ['id'] })).map((entry) => entry.id);
    expect(audits.length).toBeGreaterThan(2);
    const oldAudits = audits.slice(0, Math.ceil(audits.length / 2));
    await em().nativeUpdate(AuditEntry, {}, { createdAt: recent }, { filters: false });
    await em().nativeUpdate(AuditEntry, { id: { $in: oldAudits } }, { createdAt: old }, { filters: false });

    const [account] = await em().find(Account, {}, { filters: false, limit: 1 });
    const job = (status: JobStatus, finishedAt: Date | null, createdAt: Date) =>
      em().create(Job, { account, kind: 'retention.test', payload: {}, status, finishedAt, createdAt }, { partial: true });
    const fork = em();
    fork.persist([
      job(JobStatus.SUCCEEDED, old, old),
      job(JobStatus.FAILED, old, old),
      job(JobStatus.SUCCEEDED, recent, recent),
      job(JobStatus.QUEUED, null, old),
      job(JobStatus.RUNNING, null, old),
    ]);
    // Webhook deliveries: finished ones go when old (their attempts with them), pending ones stay.
    const endpoint = fork.create(WebhookEndpointRow, { account, url: 'https://hooks.example.com/x', secretSealed: 'sealed' });
    const delivery = (status: string, finishedAt: Date | null) =>
      fork.create(WebhookDeliveryRow, { endpoint, eventId: randomUUID(), eventType: 'SEAT_ASSIGNED', messageId: `msg_${randomUUID()}`, body: '{}', status, finishedAt });
    const oldDelivered = delivery('SUCCEEDED', old);
    fork.create(WebhookAttemptRow, { endpoint, delivery: oldDelivered, attempt: 1, statusCode: 200, succeeded: true, responseExcerpt: 'ok', durationMs: 5, attemptedAt: old });
    delivery('FAILED', old);
    delivery('SUCCEEDED', recent);
    delivery('PENDING', null);
    await fork.flush();

    const result = await applyRetention(em(), app.config, now);
    expect(result).toMatchObject({ usageEvents: ids.length - youngEvents, auditEntries: oldAudits.length, jobs: 2, webhookDeliveries: 2 });
    expect((await em().find(WebhookDeliveryRow, { endpoint }, { filters: false })).map((row) => row.status).sort()).toEqual(['PENDING', 'SUCCEEDED']);
    expect(await em().count(WebhookAttemptRow, { delivery: oldDelivered.id }, { filters: false })).toBe(0);
    expect(await count(UsageEvent)).toBe(youngEvents);
    expect(await count(AuditEntry)).toBe(audits.length - oldAudits.length);
    expect(await count(AuditEntry, { id: { $in: oldAudits } })).toBe(0);
    const left = await em().find(Job, { kind: 'retention.test' }, { filters: false });
    expect(left.map((row) => row.status).sort()).toEqual([JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED]);

    // Again: nothing more to do.
    expect(await applyRetention(em(), app.config, now)).toEqual({ usageEvents: 0, auditEntries: 0, vendorAuditEntries: 0, jobs: 0, eventDeliveries: 0, webhookDeliveries: 0, scheduleRuns: 0, reportExportRuns: 0 });
    // 0 days keeps everything for good.
    const keepAll = { ...app.config, retention: { usageEventDays: 0, auditDays: 0, jobDays: 0 } };
    expect(await applyRetention(em(), keepAll, new Date(now.getTime() + 10_000 * DAY))).toEqual({ usageEvents: 0, auditEntries: 0, vendorAuditEntries: 0, jobs: 0, eventDeliveries: 0, webhookDeliveries: 0, scheduleRuns: 0, reportExportRuns: 0 });
  });
});
