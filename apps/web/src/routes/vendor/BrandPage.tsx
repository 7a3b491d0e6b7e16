import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ColorInput, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand } from '../../brand/brand';
import { useBrand } from '../../brand/brand';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { PageHeader } from '../../ui/PageHeader';
import { BrandSettingsDocument, RemoveBrandLogoDocument, SetBrandLogoDocument, UpdateBrandDocument } from './brand.graphql';
import { useStaff } from './VendorLayout';

const fields = ['name', 'primaryColor', 'accentColor', 'supportEmail', 'supportUrl', 'termsUrl', 'privacyUrl'] as const;
type Field = (typeof fields)[number];
const MAX_LOGO = 256 * 1024;

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** V-07: the vendor's brand (operators edit, Support reads): name, colours, logo, support contact, legal links. */
export function BrandPage() {
  const { data, error, refetch } = useQuery(BrandSettingsDocument);
  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  if (!data) return <FullPageLoader />;
  return <BrandForm brand={data.brand} />;
}

function BrandForm({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const canEdit = staff.role === 'OPERATOR';
  const errorText = useApiErrorText();
  // The logo shows as the SPA now has it: the mutations' answers are applied there.
  const { brand: live, setBrand } = useBrand();
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((field) => [field, brand[field] ?? ''])) as Record<Field, string>);
  const [saved, setSaved] = useState(false);
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateBrandDocument);
  const [setLogo, settingLogo] = useMutation(SetBrandLogoDocument);
  const [removeLogo, removingLogo] = useMutation(RemoveBrandLogoDocument);
  const failed = apiError(updating.error);
  const fieldError = (field: Field) => (failed?.field === `input.${field}` ? errorText(updating.error) : null);
  const change = (field: Field) => (value: string) => {
    setValues({ ...values, [field]: value });
    setSaved(false);
  };
  const applied = (next: Brand) => setBrand(next);

  async function save() {
    const input = Object.fromEntries(fields.map((field) => [field, values[field].trim() || null])) as Record<Field, string | null>;
    const result = await update({ variables: { input: { ...input, name: values.name } } }).catch(() => null);
    if (result?.data) {
      applied(result.data.updateBrand);
      setSaved(true);
    }
  }

  async function upload(file: File | null) {
    setLogoProblem(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLogoProblem(t('vendor.brand.logoType'));
    if (file.size > MAX_LOGO) return setLogoProblem(t('vendor.brand.logoSize'));
    const result = await setLogo({ variables: { input: { contentType: file.type, dataBase64: await readBase64(file) } } }).catch((problem: unknown) => {
      setLogoProblem(errorText(problem));
      return null;
    });
    if (result?.data) applied(result.data.setBrandLogo);
  }

  const text = (field: Field, props: { type?: string; placeholder?: string } = {}) => (
    <TextInput
      label={t(`vendor.brand.fields.${field}`)}
      value={values[field]}
      onChange={(event) => change(field)(event.currentTarget.value)}
      error={fieldError(field)}
      readOnly={!canEdit}
      required={field === 'name'}
      {...props}
    />
  );

  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('vendor.brand.title')} description={t(canEdit ? 'vendor.brand.description' : 'vendor.brand.readOnly')} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('vendor.brand.logo')}
          </Title>
          <Group gap="md" wrap="wrap">
            <Paper withBorder radius="md" p="sm" miw={160} h={72} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              {live.logoUrl ? (
                <Image src={live.logoUrl} alt={t('vendor.brand.logoAlt', { name: live.name })} h={48} w="auto" fit="contain" />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('vendor.brand.noLogo')}
                </Text>
              )}
            </Paper>
            {canEdit && (
              <Group gap="xs">
                <FileButton onChange={(file) => void upload(file)} accept="image/png,image/jpeg">
                  {(props) => (
                    <Button {...props} variant="light" leftSection={<IconPhotoUp size={16} />} loading={settingLogo.loading}>
                      {t('vendor.brand.upload')}
                    </Button>
                  )}
                </FileButton>
                {live.logoUrl && (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    loading={removingLogo.loading}
                    onClick={() => void removeLogo().then((result) => result.data && applied(result.data.removeBrandLogo)).catch(() => null)}
                  >
                    {t('vendor.brand.removeLogo')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('vendor.brand.logoHint')}
          </Text>
          <FormError message={logoProblem} />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          noValidate
        >
          <Stack gap="md">
            {text('name')}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {(['primaryColor', 'accentColor'] as const).map((field) => (
                <ColorInput
                  key={field}
                  label={t(`vendor.brand.fields.${field}`)}
                  format="hex"
                  placeholder="#1c7ed6"
                  value={values[field]}
                  onChange={change(field)}
                  error={fieldError(field)}
                  readOnly={!canEdit}
                  disallowInput={!canEdit}
                  eyeDropperButtonProps={{ 'aria-label': `${t('vendor.brand.eyeDropper')}: ${t(`vendor.brand.fields.${field}`)}` }}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('supportEmail', { type: 'email', placeholder: 'support@example.com' })}
              {text('supportUrl', { type: 'url', placeholder: 'https://' })}
              {text('termsUrl', { type: 'url', placeholder: 'https://' })}
              {text('privacyUrl', { type: 'url', placeholder: 'https://' })}
            </SimpleGrid>
            <FormError message={updating.error && !failed?.field ? errorText(updating.error) : null} />
            {saved && (
              <Alert color="teal" variant="light" role="status">
                {t('vendor.brand.saved')}
              </Alert>
            )}
            {canEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={updating.loading}>
                  {t('vendor.brand.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
