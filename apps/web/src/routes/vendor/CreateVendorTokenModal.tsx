import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type VendorScope, vendorScopeRules, vendorScopes } from '@seatwise/schema/client';
import { FormError } from '../../ui/FormError';
import { CreateVendorApiTokenDocument } from './vendor-tokens.graphql';

const expiryOptions = ['7', '30', '90', '180', '365'];
type FieldErrors = Partial<Record<'name' | 'scopes' | 'expiresInDays' | 'form', string>>;
const fieldOf = (field: unknown): keyof FieldErrors => (field === 'name' || field === 'scopes' || field === 'expiresInDays' ? field : 'form');

/** "+ Create token" in the Vendor console: name, vendor scopes and lifetime; then the secret, shown this one time. */
export function CreateVendorTokenModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<VendorScope[]>([]);
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateVendorApiTokenDocument);

  // The form is reset once the dialog has faded out, so the secret does not turn back into the form on the way.
  function reset() {
    setName('');
    setScopes([]);
    setExpiresInDays('90');
    setErrors({});
    setSecret(null);
  }
  const close = onClose;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!name.trim()) problems.name = t('vendorTokens.create.nameRequired');
    if (!scopes.length) problems.scopes = t('vendorTokens.create.scopesRequired');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const { data } = await create({ variables: { input: { name: name.trim(), scopes, expiresInDays: Number(expiresInDays) } } });
      if (data) {
        setSecret(data.createVendorApiToken.secret);
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
    <Modal opened={opened} onClose={close} onExitTransitionEnd={reset} title={secret ? t('vendorTokens.created.title') : t('vendorTokens.create.title')} size="lg">
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('vendorTokens.created.once')}>
            {t('vendorTokens.created.onceText')}
          </Alert>
          <Code block data-testid="vendor-token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                  {copied ? t('vendorTokens.created.copied') : t('vendorTokens.created.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('vendorTokens.created.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <TextInput
              label={t('vendorTokens.create.name')}
              description={t('vendorTokens.create.nameHelp')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              maxLength={100}
              required
              data-autofocus
            />
            <Checkbox.Group
              label={t('vendorTokens.create.scopes')}
              description={t('vendorTokens.create.scopesHelp')}
              value={scopes}
              onChange={(value) => setScopes(value as VendorScope[])}
              error={errors.scopes}
              required
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {vendorScopes.map((scope) => (
                  <Checkbox key={scope} value={scope} label={<Code>{vendorScopeRules[scope].value}</Code>} description={t(`vendorTokens.scopes.${scope}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Select
              label={t('vendorTokens.create.expiry')}
              data={expiryOptions.map((days) => ({ value: days, label: t('vendorTokens.create.days', { count: Number(days) }) }))}
              value={expiresInDays}
              onChange={(value) => setExpiresInDays(value ?? '90')}
              error={errors.expiresInDays}
              allowDeselect={false}
            />
            <FormError message={errors.form} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('vendor.cancel')}
              </Button>
              <Button type="submit" loading={loading}>
                {t('vendorTokens.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
