import type { EntityManager } from '@mikro-orm/knex';
import { Language, TwoStepMethod, VendorRole } from '@seatwise/schema';
import { TwoStepFactor } from '../../modules/identity/two-step/two-step-factor.entity.js';
import { User } from '../../modules/identity/user.entity.js';
import { VendorStaffMember } from '../../modules/identity/staff/vendor-staff.entity.js';

export const DEMO_OPERATOR_EMAIL = 'vendor@example.com';
/** Vendor staff always sign in with 2-step verification: the demo's codes go to the outbox by text message. */
export const DEMO_OPERATOR_PHONE = '+38640000000';

/**
 * The demo's vendor operator (the demo sign-in page shows it), added to a demo database that
 * lacks one, including one seeded before the Vendor console existed.
 */
export async function ensureDemoOperator(em: EntityManager, passwordHash: string): Promise<boolean> {
  if (await em.findOne(User, { email: DEMO_OPERATOR_EMAIL })) return false;
  const user = em.create(User, { email: DEMO_OPERATOR_EMAIL, firstName: 'Vesna', lastName: 'Operater', sortName: '', passwordHash, language: Language.EN });
  user.setName('Vesna', 'Operater');
  em.create(VendorStaffMember, { user, role: VendorRole.OPERATOR });
  em.create(TwoStepFactor, { user, method: TwoStepMethod.SMS, phone: DEMO_OPERATOR_PHONE, enabledAt: new Date() });
  await em.flush();
  return true;
}
