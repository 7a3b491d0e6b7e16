import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { LicenceType, ProductKind } from '../../gql/graphql';
import { apiError } from '../../ui/apiError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { CatalogueProductsDocument, CreateCatalogueProductDocument } from './catalogue.graphql';
import { useStaff } from './VendorLayout';

const PAGE = 25;
export const licenceTypes: LicenceType[] = ['SINGLE_USER', 'MULTI_USER', 'NETWORK', 'CLOUD'];

/** The vendor's catalogue: every product by name, search, pages; operators add products. */
export function CataloguePage() {
  const { t } = useTranslation();
  const staff = useStaff();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(CatalogueProductsDocument, {
    variables: { first: PAGE, after: cursors.at(-1) ?? null, filter: { search: debounced || null } },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.catalogueProducts;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('catalogue.title')}
        description={connection ? t('catalogue.count', { count: connection.totalCount }) : undefined}
        aside={
          staff.role === 'OPERATOR' && (
            <Button onClick={() => setCreating(true)}>
              {t('catalogue.create.open')}
            </Button>
          )
        }
      />
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('catalogue.search')}
        aria-label={t('catalogue.search')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setCursors([null]);
        }}
        maw={320}
      />
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.fields.code')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.name')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.licenceTypes')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.currentVersion')}</Table.Th>
                  <Table.Th>{t('catalogue.fields.trial')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading && !connection ? (
                  <SkeletonRows columns={5} rows={5} />
                ) : (
                  connection?.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {node.code}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text component={Link} to={`/vendor/catalogue/${node.id}`} fw={600} c="indigo.7" size="sm">
                          {node.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>{node.licenceTypes.map((type) => t(`catalogue.licence.${type}`)).join(', ')}</Table.Td>
                      <Table.Td>{node.kind === 'CLOUD_SERVICE' ? '—' : (node.currentVersion ?? <Text span c="dimmed" size="sm">{t('catalogue.noVersion')}</Text>)}</Table.Td>
                      <Table.Td>{node.trialDays === null ? '—' : t('catalogue.trialDays', { count: node.trialDays })}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {connection && connection.edges.length === 0 && <EmptyState title={t('catalogue.empty')} />}
        </Paper>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={cursors.length < 2} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('vendor.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!connection?.pageInfo.hasNextPage}
          onClick={() => connection?.pageInfo.endCursor && setCursors((list) => [...list, connection.pageInfo.endCursor])}
        >
          {t('vendor.next')}
        </Button>
      </Group>
      <CreateProductModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/vendor/catalogue/${id}`)} />
    </Stack>
  );
}

function CreateProductModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<ProductKind>('SOFTWARE');
  const [types, setTypes] = useState<LicenceType[]>(['SINGLE_USER']);
  const [create, { loading, error, reset }] = useMutation(CreateCatalogueProductDocument);
  const failure = apiError(error);

  async function submit() {
    const result = await create({ variables: { input: { code, name, description: description || null, kind, licenceTypes: types } } }).catch(() => null);
    const id = result?.data?.createCatalogueProduct.id;
    if (id) {
      onClose();
      onCreated(id);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('catalogue.create.title')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label={t('catalogue.fields.code')} description={t('catalogue.create.codeHint')} required value={code} onChange={(event) => setCode(event.currentTarget.value.toUpperCase())} error={failure?.field === 'code' ? failure.message : undefined} />
          <TextInput label={t('catalogue.fields.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={failure?.field === 'name' ? failure.message : undefined} />
          <Textarea label={t('catalogue.fields.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={2} />
          <Select
            label={t('catalogue.fields.kind')}
            data={(['SOFTWARE', 'CLOUD_SERVICE'] as const).map((value) => ({ value, label: t(`catalogue.kind.${value}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(value) => {
              const next = (value ?? 'SOFTWARE') as ProductKind;
              setKind(next);
              setTypes(next === 'CLOUD_SERVICE' ? ['CLOUD'] : ['SINGLE_USER']);
            }}
          />
          <MultiSelect
            label={t('catalogue.fields.licenceTypes')}
            data={licenceTypes.filter((type) => (kind === 'CLOUD_SERVICE') === (type === 'CLOUD')).map((value) => ({ value, label: t(`catalogue.licence.${value}`) }))}
            value={types}
            onChange={(values) => setTypes(values as LicenceType[])}
            error={failure?.field === 'licenceTypes' ? failure.message : undefined}
          />
          {failure && !['code', 'name', 'licenceTypes'].includes(failure.field ?? '') && <FormError message={failure.message} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('catalogue.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('catalogue.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
