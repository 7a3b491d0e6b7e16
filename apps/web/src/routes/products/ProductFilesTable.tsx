import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Code, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductFileFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { downloadArchive, formatSize, startDownloads } from './downloading';
import { CreateDownloadLinksDocument } from './products.graphql';

interface ProductFilesTableProps {
  files: ProductFileFieldsFragment[];
  emptyText: string;
  /** Checkboxes with "Download selected" and "Download all" (F-25). */
  selectable?: boolean;
  showProduct?: boolean;
}

/** Updates and add-ons with size, checksum and a download button for each. */
export function ProductFilesTable({ files, emptyText, selectable, showProduct }: ProductFilesTableProps) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const [createLinks, { loading, error }] = useMutation(CreateDownloadLinksDocument);

  async function download(ids: string[]) {
    const result = await createLinks({ variables: { fileIds: ids } }).catch(() => null);
    const urls = result?.data?.createDownloadLinks.map((link) => link.url) ?? [];
    if (urls.length > 1) downloadArchive(urls);
    else startDownloads(urls);
  }

  if (files.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  const allSelected = selected.length === files.length;
  return (
    <>
      {selectable && (
        <Group gap="xs" mb="xs">
          <Button size="xs" disabled={selected.length === 0} loading={loading} onClick={() => void download(selected)}>
            {t('productUpdates.downloadSelected', { count: selected.length })}
          </Button>
          <Button size="xs" variant="default" loading={loading} onClick={() => void download(files.map((file) => file.id))}>
            {t('productUpdates.downloadAll')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('productUpdates.archiveHint')}
          </Text>
        </Group>
      )}
      <FormError message={error && t('downloads.linkFailed')} mb="xs" />
      <ScrollArea>
        <Table striped withTableBorder miw={820}>
          <Table.Thead>
            <Table.Tr>
              {selectable && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('productUpdates.selectAll')}
                    checked={allSelected}
                    indeterminate={selected.length > 0 && !allSelected}
                    onChange={() => setSelected(allSelected ? [] : files.map((file) => file.id))}
                  />
                </Table.Th>
              )}
              <Table.Th>{t('productUpdates.columns.name')}</Table.Th>
              {showProduct && <Table.Th>{t('productUpdates.columns.product')}</Table.Th>}
              <Table.Th>{t('productUpdates.columns.kind')}</Table.Th>
              <Table.Th>{t('downloads.platform')}</Table.Th>
              <Table.Th>{t('productUpdates.columns.released')}</Table.Th>
              <Table.Th>{t('productUpdates.columns.size')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((file) => (
              <Table.Tr key={file.id}>
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('productUpdates.select', { name: file.name })}
                      checked={selected.includes(file.id)}
                      onChange={() =>
                        setSelected((current) =>
                          current.includes(file.id) ? current.filter((id) => id !== file.id) : [...current, file.id],
                        )
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {file.name}
                  </Text>
                  {file.description && (
                    <Text size="xs" c="dimmed">
                      {file.description}
                    </Text>
                  )}
                </Table.Td>
                {showProduct && (
                  <Table.Td>
                    {file.productName} {file.version}
                  </Table.Td>
                )}
                <Table.Td>{t(`productUpdates.kinds.${file.kind}`)}</Table.Td>
                <Table.Td>{t(`downloads.platforms.${file.platform}`)}</Table.Td>
                <Table.Td>{formatDate(file.releasedAt, i18n.language)}</Table.Td>
                <Table.Td>{formatSize(file.size, i18n.language)}</Table.Td>
                <Table.Td>
                  <Code title={file.sha256}>{file.sha256.slice(0, 12)}…</Code>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDownload size={14} />}
                    onClick={() => void download([file.id])}
                    aria-label={t('productUpdates.downloadOne', { name: file.name })}
                  >
                    {t('productUpdates.download')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
