import { Role } from '@seatwise/schema';
import { type Message, msg } from '../../i18n/messages.js';

const roleNames: Record<Role, Message> = {
  [Role.PRIMARY_ADMIN]: msg('Primary admin'),
  [Role.SECONDARY_ADMIN]: msg('Secondary admin'),
  [Role.USER]: msg('User'),
};

/** A role as people read it (exports, audit lines), in the reader's language when rendered. */
export const roleName = (role: Role): Message => roleNames[role];
