import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus, Role } from '@seatwise/schema/client';

const roleColors: Record<Role, string> = { PRIMARY_ADMIN: 'grape', SECONDARY_ADMIN: 'indigo', USER: 'gray' };
const statusColors: Record<MembershipStatus, string> = { ACTIVE: 'teal', INVITED: 'yellow', INACTIVE: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={roleColors[role]} radius="sm" tt="none" fw={600}>
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={statusColors[status]} radius="sm" tt="none" fw={500}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
