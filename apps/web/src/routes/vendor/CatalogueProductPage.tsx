import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, FileInput, Group, Modal, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconPlayerPause, IconPlayerPlay, IconUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CatalogueProductFieldsFragment, Platform, ProductFileKind, ProductVersionStatus } from '../../gql/graphql';
import { apiError } from '../../ui/apiError';
import { EmptyState } from '../../ui/EmptyState';
import { DayInput } from '../../ui/DayInput';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import {
  AddProductVersionDocument,
  CancelFileUploadDocument,
  CatalogueProductDocument,
  CreateFileUploadDocument,
  PublishProductVersionDocument,
  SetProductVersionStatusDocument,
  SetTrialOfferDocument,
} from './catalogue.graphql';
import { sendFile, type UploadHandle } from './upload-bytes';
import { useStaff } from './VendorLayout';

type Product = CatalogueProductFieldsFragment;
type Version = Product['versions'][number];

const statusColor: Record<ProductVersionStatus, string> = { DRAFT: 'yellow', CURRENT: 'green', PREVIOUS: 'blue', RETIRED: 'gray' };

function useBytes() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return `${formatNumber(Math.round(value * 10) / 10, i18n.language)} ${units[unit]}`;
  };
}

/** One product of the catalogue: its trial offer, versions with their files, uploads and publishing. */
export function CatalogueProductPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const staff = useStaff();
  const operator = staff.role === 'OPERATOR';
  const { data, error, refetch } = useQuery(CatalogueProductDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const product = data?.catalogueProduct;

  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  if (!product) return <FullPageLoader />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/vendor/catalogue" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('catalogue.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={`${product.code} · ${product.name}`}
        description={product.description ?? undefined}
        aside={
          operator &&
          product.kind === 'SOFTWARE' && (
            <Button onClick={() => setAdding(true)}>
              {t('catalogue.version.add')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder radius="md">
          <Text size="sm" c="dimmed">
            {t('catalogue.fields.licenceTypes')}
          </Text>
          <Group gap="xs" mt={6}>
            {product.licenceTypes.map((type) => (
              <Badge key={type} variant="light">
                {t(`catalogue.licence.${type}`)}
              </Badge>
            ))}
          </Group>
        </Card>
        <TrialOffer product={product} operator={operator} />
      </SimpleGrid>
      {product.kind === 'SOFTWARE' && product.versions.length === 0 && <EmptyState title={t('catalogue.version.empty')} text={operator ? t('catalogue.version.emptyHint') : undefined} />}
      {product.versions.map((version) => (
        <VersionCard key={version.id} product={product} version={version} operator={operator} />
      ))}
      <AddVersionModal opened={adding} productId={product.id} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function TrialOffer({ product, operator }: { product: Product; operator: boolean }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | string>(product.trialDays ?? '');
  const [save, { loading, error }] = useMutation(SetTrialOfferDocument);
  const failure = apiError(error);
  const submit = (value: number | null) => void save({ variables: { input: { productId: product.id, expectedRevision: product.revision, days: value } } }).catch(() => null);
  return (
    <Card withBorder radius="md">
      <Text size="sm" c="dimmed">
        {t('catalogue.trial.title')}
      </Text>
      <Text fw={600} mt={6}>
        {product.trialDays === null ? t('catalogue.trial.none') : t('catalogue.trialDays', { count: product.trialDays })}
      </Text>
      {operator && product.kind === 'SOFTWARE' && (
        <Group mt="sm" align="flex-end" gap="xs">
          <NumberInput label={t('catalogue.trial.days')} min={1} max={365} value={days} onChange={setDays} w={140} size="xs" />
          <Button size="xs" loading={loading} onClick={() => submit(typeof days === 'number' ? days : Number(days) || null)}>
            {t('catalogue.trial.save')}
          </Button>
          {product.trialDays !== null && (
            <Button size="xs" variant="subtle" color="red" onClick={() => submit(null)}>
              {t('catalogue.trial.stop')}
            </Button>
          )}
        </Group>
      )}
      {failure && <FormError message={failure.message} mb={0} />}
    </Card>
  );
}

function AddVersionModal({ opened, productId, onClose }: { opened: boolean; productId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState('');
  const [releasedOn, setReleasedOn] = useState(new Date().toISOString().slice(0, 10));
  const [add, { loading, error, reset }] = useMutation(AddProductVersionDocument);
  const failure = apiError(error);
  async function submit() {
    const result = await add({ variables: { input: { productId, version, releasedOn } } }).catch(() => null);
    if (result?.data) {
      setVersion('');
      onClose();
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('catalogue.version.addTitle')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label={t('catalogue.version.version')} required value={version} onChange={(event) => setVersion(event.currentTarget.value)} error={failure?.field === 'version' ? failure.message : undefined} />
          <DayInput
            label={t('catalogue.version.releasedOn')}
            required
            value={releasedOn}
            onChange={setReleasedOn}
            error={failure?.field === 'releasedOn' ? failure.message : undefined}
          />
          {failure && !['version', 'releasedOn'].includes(failure.field ?? '') && <FormError message={failure.message} />}
          <Text size="sm" c="dimmed">
            {t('catalogue.version.draftHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('catalogue.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('catalogue.version.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function VersionCard({ product, version, operator }: { product: Product; version: Version; operator: boolean }) {
  const { t, i18n } = useTranslation();
  const bytes = useBytes();
  const [confirming, setConfirming] = useState(false);
  const [publish, publishing] = useMutation(PublishProductVersionDocument);
  const [setStatus, statusChange] = useMutation(SetProductVersionStatusDocument);
  const failure = apiError(publishing.error ?? statusChange.error);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

  return (
    <Paper withBorder radius="md" p="md" data-testid={`version-${version.version}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Title order={2} size="h4">
            {product.name} {version.version}
          </Title>
          <Badge color={statusColor[version.status]} variant="light">
            {t(`catalogue.status.${version.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('catalogue.version.released', { date: date(version.releasedOn) })}
          </Text>
        </Group>
        {operator && (
          <Group gap="xs">
            {version.status === 'DRAFT' ? (
              <Button size="xs" onClick={() => setConfirming(true)}>
                {t('catalogue.publish.open')}
              </Button>
            ) : (
              <Select
                size="xs"
                aria-label={t('catalogue.version.status')}
                data={(['CURRENT', 'PREVIOUS', 'RETIRED'] as const).map((value) => ({ value, label: t(`catalogue.status.${value}`) }))}
                value={version.status}
                allowDeselect={false}
                disabled={statusChange.loading}
                onChange={(value) =>
                  value && value !== version.status && void setStatus({ variables: { input: { versionId: version.id, expectedRevision: version.revision, status: value as ProductVersionStatus } } }).catch(() => null)
                }
                w={150}
              />
            )}
          </Group>
        )}
      </Group>
      {failure && <FormError message={failure.message} my="sm" />}
      <Table.ScrollContainer minWidth={620} mt="sm">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.file.name')}</Table.Th>
              <Table.Th>{t('catalogue.file.kind')}</Table.Th>
              <Table.Th>{t('catalogue.file.platform')}</Table.Th>
              <Table.Th>{t('catalogue.file.language')}</Table.Th>
              <Table.Th ta="right">{t('catalogue.file.size')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.files.map((file) => (
              <Table.Tr key={file.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {file.fileName}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`catalogue.fileKind.${file.kind}`)}</Table.Td>
                <Table.Td>{t(`catalogue.platform.${file.platform}`)}</Table.Td>
                <Table.Td>{file.language}</Table.Td>
                <Table.Td ta="right">{bytes(file.size)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={file.sha256}>
                    {file.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {version.files.length === 0 && (
        <Text size="sm" c="dimmed" my="sm">
          {t('catalogue.file.none')}
        </Text>
      )}
      {operator && <Uploads productId={product.id} version={version} />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('catalogue.publish.title', { product: product.name, version: version.version })}>
        <Stack>
          <Text size="sm">{t('catalogue.publish.text')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('catalogue.cancel')}
            </Button>
            <Button
              loading={publishing.loading}
              onClick={() =>
                void publish({ variables: { input: { versionId: version.id, expectedRevision: version.revision } } })
                  .catch(() => null)
                  .finally(() => setConfirming(false))
              }
            >
              {t('catalogue.publish.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

interface Active {
  id: string;
  url: string;
  file: File;
  sent: number;
  handle: UploadHandle | null;
}

/** A new file for the version: its facts, then its bytes with a progress bar; pause, resume, cancel. */
function Uploads({ productId, version }: { productId: string; version: Version }) {
  const { t, i18n } = useTranslation();
  const bytes = useBytes();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProductFileKind>('INSTALLER');
  const [platform, setPlatform] = useState<Platform>('WINDOWS');
  const [language, setLanguage] = useState('en-US');
  const [active, setActive] = useState<Active | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [resumeFor, setResumeFor] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState<string | null>(null);
  const activeRef = useRef<Active | null>(null);
  const refetchQueries = [{ query: CatalogueProductDocument, variables: { id: productId } }];
  const [create, creating] = useMutation(CreateFileUploadDocument);
  const [cancel] = useMutation(CancelFileUploadDocument, { refetchQueries, awaitRefetchQueries: true });
  const client = useApolloClient();
  const refetch = () => client.query({ query: CatalogueProductDocument, variables: { id: productId }, fetchPolicy: 'network-only' });

  function run(upload: Active) {
    setMessage(null);
    const handle = sendFile(
      upload.url,
      upload.file,
      (sent) => {
        activeRef.current = { ...upload, sent, handle };
        setActive({ ...upload, sent, handle });
      },
      i18n.language,
    );
    activeRef.current = { ...upload, handle };
    setActive({ ...upload, handle });
    handle.done
      .then(async (outcome) => {
        if (outcome === 'complete') {
          setActive(null);
          setFile(null);
          setName('');
          await refetch();
        } else {
          setActive((current) => current && { ...current, handle: null });
        }
      })
      .catch((error: Error) => {
        setMessage(error.message || t('catalogue.upload.failed'));
        setActive((current) => current && { ...current, handle: null });
        void refetch();
      });
  }

  async function start() {
    if (!file) return;
    const result = await create({
      variables: { input: { versionId: version.id, kind, platform, language, name: name || file.name, fileName: file.name, size: file.size } },
    }).catch(() => null);
    const upload = result?.data?.createFileUpload;
    if (upload) run({ id: upload.id, url: upload.url, file, sent: 0, handle: null });
  }

  const failure = apiError(creating.error);
  const pending = version.uploads.filter((upload) => upload.id !== active?.id);

  return (
    <Stack gap="xs" mt="md">
      {active && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={500}>
              {active.file.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t('catalogue.upload.progress', { sent: bytes(active.sent), size: bytes(active.file.size), percent: Math.floor((active.sent / active.file.size) * 100) })}
            </Text>
          </Group>
          <Progress value={(active.sent / active.file.size) * 100} mt="xs" aria-label={t('catalogue.upload.progressLabel')} animated={Boolean(active.handle)} />
          <Group gap="xs" mt="xs">
            {active.handle ? (
              <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={() => active.handle?.abort()}>
                {t('catalogue.upload.pause')}
              </Button>
            ) : (
              <Button size="xs" variant="default" leftSection={<IconPlayerPlay size={14} />} onClick={() => run(active)}>
                {t('catalogue.upload.resume')}
              </Button>
            )}
            <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} />} onClick={() => setConfirmCancel(active.id)}>
              {t('catalogue.upload.cancel')}
            </Button>
          </Group>
        </Paper>
      )}
      {pending.map((upload) => (
        <Paper key={upload.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{t('catalogue.upload.unfinished', { file: upload.fileName, sent: bytes(upload.received), size: bytes(upload.size) })}</Text>
            <Group gap="xs">
              {resumeFor === upload.id ? (
                <FileInput
                  size="xs"
                  placeholder={t('catalogue.upload.pickAgain')}
                  aria-label={t('catalogue.upload.pickAgain')}
                  onChange={(picked) => {
                    if (!picked) return;
                    if (picked.size !== upload.size || picked.name !== upload.fileName) return setMessage(t('catalogue.upload.notSame'));
                    setResumeFor(null);
                    run({ id: upload.id, url: upload.url, file: picked, sent: upload.received, handle: null });
                  }}
                  w={220}
                />
              ) : (
                <Button size="xs" variant="default" leftSection={<IconPlayerPlay size={14} />} onClick={() => setResumeFor(upload.id)}>
                  {t('catalogue.upload.resume')}
                </Button>
              )}
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmCancel(upload.id)}>
                {t('catalogue.upload.cancel')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      {!active && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <FileInput label={t('catalogue.upload.file')} placeholder={t('catalogue.upload.choose')} value={file} onChange={setFile} w={220} size="xs" />
          <TextInput label={t('catalogue.file.name')} placeholder={file?.name} value={name} onChange={(event) => setName(event.currentTarget.value)} w={200} size="xs" error={failure?.field === 'name' ? failure.message : undefined} />
          <Select
            label={t('catalogue.file.kind')}
            size="xs"
            w={180}
            allowDeselect={false}
            data={(['INSTALLER', 'UPDATE', 'ADD_ON'] as const).map((value) => ({ value, label: t(`catalogue.fileKind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind((value ?? 'INSTALLER') as ProductFileKind)}
          />
          <Select
            label={t('catalogue.file.platform')}
            size="xs"
            w={120}
            allowDeselect={false}
            data={(['WINDOWS', 'MACOS', 'LINUX'] as const).map((value) => ({ value, label: t(`catalogue.platform.${value}`) }))}
            value={platform}
            onChange={(value) => setPlatform((value ?? 'WINDOWS') as Platform)}
          />
          <TextInput label={t('catalogue.file.language')} size="xs" w={90} value={language} onChange={(event) => setLanguage(event.currentTarget.value)} error={failure?.field === 'language' ? failure.message : undefined} />
          <Button size="xs" leftSection={<IconUpload size={14} />} disabled={!file} loading={creating.loading} onClick={() => void start()}>
            {t('catalogue.upload.start')}
          </Button>
        </Group>
      )}
      {failure && !['name', 'language'].includes(failure.field ?? '') && <FormError message={failure.message} />}
      {message && <FormError message={message} />}
      <Modal opened={confirmCancel !== null} onClose={() => setConfirmCancel(null)} title={t('catalogue.upload.cancelTitle')}>
        <Stack>
          <Text size="sm">{t('catalogue.upload.cancelText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(null)}>
              {t('catalogue.keep')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                const id = confirmCancel!;
                setConfirmCancel(null);
                activeRef.current?.handle?.abort();
                if (active?.id === id) setActive(null);
                void cancel({ variables: { id } }).catch(() => null);
              }}
            >
              {t('catalogue.upload.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
