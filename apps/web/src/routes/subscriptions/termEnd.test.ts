import { describe, expect, it } from 'vitest';
import { termEndKey, type TermFacts } from './termEnd';

const running: TermFacts = { status: 'ACTIVE', renewal: 'AUTO', cancelAtTermEnd: false, daysToRenewal: 120 };

describe('what a subscription says about its end date', () => {
  it('says "renews" only for a running subscription that renews by itself', () => {
    expect(termEndKey(running)).toBe('contract.renews');
    expect(termEndKey({ ...running, status: 'EXPIRING', daysToRenewal: 20 })).toBe('contract.renews');
  });
  it('says "ends" for one renewed by hand or cancelled at its term end', () => {
    expect(termEndKey({ ...running, renewal: 'MANUAL' })).toBe('contract.ends');
    expect(termEndKey({ ...running, cancelAtTermEnd: true })).toBe('contract.ends');
  });
  it('never says "renews" for an expired or cancelled one', () => {
    expect(termEndKey({ ...running, status: 'EXPIRED', daysToRenewal: -3 })).toBe('contract.ended');
    expect(termEndKey({ ...running, status: 'CANCELLED' })).toBe('contract.termTo');
    expect(termEndKey({ ...running, status: 'CANCELLED', daysToRenewal: -40 })).toBe('contract.ended');
  });
});
