import { useMutation, useQuery } from '@apollo/client/react';
import { Checkbox, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { inputErrorOf } from './downloading';
import { CreateInstallPackageDocument } from './packages.graphql';
import { ProductDownloadsDocument, ProductEntitlementsDocument } from './products.graphql';
import { FormActions } from '../../ui/FormActions';

interface Props {
  productId: string | null;
  onCancel: () => void;
  onCreated: () => void;
}

type Platform = 'WINDOWS' | 'MACOS' | 'LINUX';

/** Fields whose server error shows under the field itself; any other shows above the buttons. */
const shownAtField = ['name', 'versionId', 'platform', 'language', 'settings.installPath'];

/** Choose product, version, platform, language, add-ons and settings; the build runs in the background. */
export function CreatePackageForm({ productId, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const entitlements = useQuery(ProductEntitlementsDocument);
  const products = (entitlements.data?.productEntitlements ?? []).filter((product) => product.versions.length > 0);
  const [chosenProduct, setChosenProduct] = useState<string | null>(productId);
  const product = products.find((candidate) => candidate.id === chosenProduct) ?? products[0];
  const [chosenVersion, setChosenVersion] = useState<string | null>(null);
  const version = product?.versions.find((candidate) => candidate.id === chosenVersion) ?? product?.versions[0];
  const options = useQuery(ProductDownloadsDocument, { variables: { versionId: version?.id ?? '' }, skip: !version });
  const [platform, setPlatform] = useState<Platform>('WINDOWS');
  const [language, setLanguage] = useState('en-US');
  const [addOnIds, setAddOnIds] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [installPath, setInstallPath] = useState('');
  const [desktopShortcut, setDesktopShortcut] = useState(true);
  const [silent, setSilent] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateInstallPackageDocument);
  const serverError = inputErrorOf(error);
  const errorFor = (field: string) => (serverError?.field === field ? t(`installPackages.errors.${field}`) : undefined);

  const addOns = version?.addOns.filter((addOn) => addOn.platform === platform) ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('installPackages.errors.name'));
      return;
    }
    setNameError(null);
    if (!product || !version) return;
    const result = await create({
      variables: {
        input: {
          name: name.trim(),
          productId: product.id,
          versionId: version.id,
          platform,
          language,
          addOnIds: addOnIds.filter((id) => addOns.some((addOn) => addOn.id === id)),
          settings: { installPath: installPath.trim() || null, desktopShortcut, silent },
        },
      },
    }).catch(() => null);
    if (result?.data) onCreated();
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('installPackages.create')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('installPackages.create')}
        </Title>
        <TextInput label={t('installPackages.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={nameError ?? errorFor('name')} required maxLength={100} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('downloads.product')}
            data={products.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={product?.id ?? null}
            onChange={(value) => {
              setChosenProduct(value);
              setChosenVersion(null);
              setAddOnIds([]);
            }}
            allowDeselect={false}
          />
          <Select
            label={t('downloads.version')}
            data={product?.versions.map((candidate) => ({ value: candidate.id, label: candidate.version })) ?? []}
            value={version?.id ?? null}
            onChange={(value) => {
              setChosenVersion(value);
              setAddOnIds([]);
            }}
            allowDeselect={false}
            error={errorFor('versionId')}
          />
          <Select
            label={t('downloads.platform')}
            data={(options.data?.productDownloads.platforms ?? ['WINDOWS']).map((value) => ({ value, label: t(`downloads.platforms.${value}`) }))}
            value={platform}
            onChange={(value) => setPlatform((value ?? 'WINDOWS') as Platform)}
            allowDeselect={false}
            error={errorFor('platform')}
          />
          <Select
            label={t('downloads.language')}
            data={(options.data?.productDownloads.languages ?? ['en-US']).map((value) => ({ value, label: t(`downloads.languages.${value}`, { defaultValue: value }) }))}
            value={language}
            onChange={(value) => setLanguage(value ?? 'en-US')}
            allowDeselect={false}
            error={errorFor('language')}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('installPackages.addOns')}
          </Text>
          {addOns.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('installPackages.noAddOns')}
            </Text>
          ) : (
            <Group gap="md">
              {addOns.map((addOn) => (
                <Checkbox
                  key={addOn.id}
                  label={addOn.name}
                  checked={addOnIds.includes(addOn.id)}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    setAddOnIds((current) => (checked ? [...current, addOn.id] : current.filter((id) => id !== addOn.id)));
                  }}
                />
              ))}
            </Group>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('installPackages.installPath')}
            placeholder={t(`installPackages.defaultPath.${platform}`)}
            value={installPath}
            onChange={(event) => setInstallPath(event.currentTarget.value)}
            error={errorFor('settings.installPath')}
          />
          <Switch label={t('installPackages.desktopShortcut')} checked={desktopShortcut} onChange={(event) => setDesktopShortcut(event.currentTarget.checked)} mt={{ sm: 28 }} />
          <Switch label={t('installPackages.silent')} checked={silent} onChange={(event) => setSilent(event.currentTarget.checked)} mt={{ sm: 28 }} />
        </SimpleGrid>
        {error && !shownAtField.includes(serverError?.field ?? '') && (
          <FormError message={serverError?.field?.startsWith('addOnIds') ? t('installPackages.errors.addOnIds') : t('installPackages.errors.other')} />
        )}
        <FormActions cancel={t('installPackages.cancel')} onCancel={onCancel} submit={t('installPackages.build')} loading={loading} />
      </Stack>
    </Paper>
  );
}
