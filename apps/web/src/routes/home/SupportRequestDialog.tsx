import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { SupportCategory } from '@seatwise/schema/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { supportCategories } from '../../ui/supportStatus';
import { AdminHomeDocument, OpenSupportRequestDocument, SupportRequestsDocument } from './home.graphql';

const MAX_DESCRIPTION = 5000;

/**
 * "Open a support request" (F-10): a subject of 3 to 200 characters, a category and the question
 * in full, the same rules as the server's; the new request's thread opens once it is sent.
 */
export function SupportRequestDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<SupportCategory | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; category?: string; description?: string; form?: string }>({});
  const [open, { loading }] = useMutation(OpenSupportRequestDocument, { refetchQueries: [AdminHomeDocument, SupportRequestsDocument] });

  function close() {
    setErrors({});
    onClose();
  }

  async function submit() {
    const text = subject.trim();
    const found: typeof errors = {};
    if (text.length < 3 || text.length > 200) found.subject = t('home.support.subjectRule');
    if (!category) found.category = t('home.support.categoryRule');
    if (!description.trim()) found.description = t('home.support.descriptionRule');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await open({ variables: { input: { subject: text, category, description } } });
      setSubject('');
      setCategory(null);
      setDescription('');
      close();
      if (result.data) void navigate(`/support/${result.data.openSupportRequest.id}`);
    } catch (failure) {
      const field = apiError(failure)?.field;
      const message = errorText(failure) ?? t('errors.generic');
      setErrors(field === 'input.subject' ? { subject: message } : field === 'input.description' ? { description: message } : { form: message });
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('home.support.dialogTitle')} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('home.support.subject')}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={errors.subject}
            maxLength={200}
            data-autofocus
            required
          />
          <Select
            label={t('home.support.category')}
            placeholder={t('home.support.categoryPlaceholder')}
            data={supportCategories.map((value) => ({ value, label: t(`home.support.categories.${value}`) }))}
            value={category}
            onChange={(value) => setCategory(value as SupportCategory | null)}
            error={errors.category}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            required
          />
          <Textarea
            label={t('home.support.description')}
            description={t('home.support.descriptionHint')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={MAX_DESCRIPTION}
            required
          />
          <FormError message={errors.form ?? null} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('home.support.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('home.support.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
