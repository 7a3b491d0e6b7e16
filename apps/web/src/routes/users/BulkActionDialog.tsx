import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@seatwise/schema/client';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { BulkChangeRoleDocument, BulkRemoveUsersDocument, BulkResendInvitationsDocument, BulkUnassignProductDocument } from './bulk.graphql';
import { UsersProductsDocument } from './users.graphql';

export type BulkAction = 'unassign' | 'remove' | 'role' | 'resend';

export interface BulkOutcome {
  actionId: string | null;
  done: number;
  refused: number;
  outcomes: { userId: string; done: boolean; code: string | null; message: string | null }[];
}

interface BulkActionDialogProps {
  action: BulkAction | null;
  userIds: string[];
  onClose: () => void;
  onDone: (action: BulkAction, result: BulkOutcome) => void;
}

/**
 * Unassign a product, remove, change role or resend invitations for the ticked users: one
 * confirmation (destructive ones in red), one request, one outcome per person.
 */
export function BulkActionDialog({ action, userIds, onClose, onDone }: BulkActionDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [productId, setProductId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const products = useQuery(UsersProductsDocument, { skip: action !== 'unassign' });
  const options = { refetchQueries: ['UsersPage'] };
  const [unassign, unassigning] = useMutation(BulkUnassignProductDocument, options);
  const [remove, removing] = useMutation(BulkRemoveUsersDocument, options);
  const [changeRole, changing] = useMutation(BulkChangeRoleDocument, options);
  const [resend, resending] = useMutation(BulkResendInvitationsDocument, options);
  const state = { unassign: unassigning, remove: removing, role: changing, resend: resending }[action ?? 'unassign'];
  const count = userIds.length;
  const destructive = action === 'unassign' || action === 'remove';
  const ready = action === 'unassign' ? !!productId : action === 'role' ? !!role : true;

  async function submit() {
    if (!action || !ready) return;
    const run = async (): Promise<BulkOutcome | null> => {
      if (action === 'unassign') return (await unassign({ variables: { input: { userIds, productId: productId! } } })).data?.bulkUnassignProduct ?? null;
      if (action === 'remove') return (await remove({ variables: { input: { userIds } } })).data?.bulkRemoveUsers ?? null;
      if (action === 'role') return (await changeRole({ variables: { input: { userIds, role: role! } } })).data?.bulkChangeRole ?? null;
      return (await resend({ variables: { input: { userIds } } })).data?.bulkResendInvitations ?? null;
    };
    const result = await run().catch(() => null);
    if (result) {
      onDone(action, result);
      state.reset();
      setProductId(null);
      setRole(null);
      onClose();
    }
  }

  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? t(`users.bulk.${action}.title`, { count }) : ''}>
      <Stack>
        {action && <Text size="sm">{t(`users.bulk.${action}.text`, { count })}</Text>}
        {action === 'unassign' && (
          <Select
            label={t('users.bulk.product')}
            placeholder={t('users.bulk.productPlaceholder')}
            data={(products.data?.productEntitlements ?? []).map((product) => ({ value: product.id, label: product.name }))}
            value={productId}
            onChange={setProductId}
            searchable
            data-autofocus
          />
        )}
        {action === 'role' && (
          <Select
            label={t('users.bulk.newRole')}
            placeholder={t('users.bulk.rolePlaceholder')}
            data={(['USER', 'SECONDARY_ADMIN'] as const).map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
            data-autofocus
          />
        )}
        <FormError message={errorText(state.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('invite.cancel')}
          </Button>
          <Button color={destructive ? 'red' : undefined} onClick={() => void submit()} disabled={!ready} loading={state.loading}>
            {action ? t(`users.bulk.${action}.confirm`, { count }) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
