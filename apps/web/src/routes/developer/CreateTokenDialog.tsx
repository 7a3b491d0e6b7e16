import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiScope, type ApiTokenKind, apiScopeRules, scopesFor } from '@seatwise/schema/client';
import { isAdmin, useViewer } from '../../session/viewer';
import { FormError } from '../../ui/FormError';
import { CreateApiTokenDocument } from './tokens.graphql';
import { FormActions } from '../../ui/FormActions';

const expiryOptions = ['7', '30', '90', '180', '365'];

interface CreateTokenDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}

type FieldErrors = Partial<Record<'name' | 'scopes' | 'expiresInDays' | 'form', string>>;

/** The form's field for an API error's `extensions.field` (`scopes[2]` belongs to `scopes`). */
function fieldOf(field: unknown): keyof FieldErrors {
  const name = typeof field === 'string' ? field.replace(/^input\./, '').replace(/\[\d+\]$/, '') : '';
  return name === 'name' || name === 'scopes' || name === 'expiresInDays' ? name : 'form';
}

/** "+ Create token": kind, name, scopes and lifetime; then the secret, shown this one time. */
export function CreateTokenDialog({ opened, onClose, onCreated }: CreateTokenDialogProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const admin = isAdmin(viewer);
  const [kind, setKind] = useState<ApiTokenKind>('PERSONAL');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateApiTokenDocument);
  const available = scopesFor(kind, viewer.role);

  function close() {
    setKind('PERSONAL');
    setName('');
    setScopes([]);
    setExpiresInDays('90');
    setErrors({});
    setSecret(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!name.trim()) problems.name = t('developer.create.nameRequired');
    if (!scopes.length) problems.scopes = t('developer.create.scopesRequired');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const { data } = await create({
        variables: { input: { kind, name: name.trim(), scopes, expiresInDays: Number(expiresInDays) } },
      });
      if (data) {
        setSecret(data.createApiToken.secret);
        onCreated();
      }
    } catch (error) {
      if (!CombinedGraphQLErrors.is(error)) {
        setErrors({ form: t('errors.generic') });
        return;
      }
      const next: FieldErrors = {};
      for (const problem of error.errors) next[fieldOf(problem.extensions?.field)] = problem.message;
      setErrors(next);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={secret ? t('developer.created.title') : t('developer.create.title')} size="lg">
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('developer.created.once')}>
            {t('developer.created.onceText')}
          </Alert>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t('developer.created.copied') : t('developer.created.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('developer.created.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            {admin && (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="token-kind-label">
                  {t('developer.create.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="token-kind-label"
                  value={kind}
                  onChange={(value) => {
                    const next = value as ApiTokenKind;
                    setKind(next);
                    setScopes((current) => current.filter((scope) => scopesFor(next, viewer.role).includes(scope)));
                  }}
                  data={[
                    { value: 'PERSONAL', label: t('developer.kinds.PERSONAL') },
                    { value: 'SERVICE', label: t('developer.kinds.SERVICE') },
                  ]}
                />
                <Text size="xs" c="dimmed">
                  {t(`developer.kindHelp.${kind}`)}
                </Text>
              </Stack>
            )}
            <TextInput
              label={t('developer.create.name')}
              description={t('developer.create.nameHelp')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              maxLength={100}
              required
              data-autofocus
            />
            <Checkbox.Group
              label={t('developer.create.scopes')}
              description={t('developer.create.scopesHelp')}
              value={scopes}
              onChange={(value) => setScopes(value as ApiScope[])}
              error={errors.scopes}
              required
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {available.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={<Code>{apiScopeRules[scope].value}</Code>}
                    description={t(`developer.scopes.${scope}`)}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Select
              label={t('developer.create.expiry')}
              data={expiryOptions.map((days) => ({ value: days, label: t('developer.create.days', { count: Number(days) }) }))}
              value={expiresInDays}
              onChange={(value) => setExpiresInDays(value ?? '90')}
              error={errors.expiresInDays}
              allowDeselect={false}
            />
            <FormError message={errors.form} />
            <FormActions cancel={t('developer.cancel')} onCancel={close} submit={t('developer.create.submit')} loading={loading} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
