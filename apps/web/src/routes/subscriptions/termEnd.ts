import type { RenewalMode, SubscriptionStatus } from '@seatwise/schema/client';

export interface TermFacts {
  status: SubscriptionStatus;
  renewal: RenewalMode;
  cancelAtTermEnd: boolean;
  daysToRenewal: number;
}

export type TermEndKey = 'contract.renews' | 'contract.ends' | 'contract.ended' | 'contract.termTo';

/**
 * What a subscription's end date means, as the key of its sentence: only a running subscription
 * that renews by itself "renews"; one set to end or renewed by hand "ends"; one past its end
 * "ended"; a cancelled one (no longer running) names its term's end only.
 */
export function termEndKey(subscription: TermFacts): TermEndKey {
  if (subscription.status === 'EXPIRED' || subscription.daysToRenewal < 0) return 'contract.ended';
  if (subscription.status === 'CANCELLED') return 'contract.termTo';
  if (subscription.cancelAtTermEnd || subscription.renewal !== 'AUTO') return 'contract.ends';
  return 'contract.renews';
}
