import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { AdminHomeDocument, OpenSupportRequestDocument } from './home.graphql';

/** "Open a support request": a subject of 3 to 200 characters, the same rule as the server's. */
export function SupportRequestDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, { loading }] = useMutation(OpenSupportRequestDocument, { refetchQueries: [AdminHomeDocument] });

  async function submit() {
    const text = subject.trim();
    if (text.length < 3 || text.length > 200) {
      setError(t('home.support.subjectRule'));
      return;
    }
    try {
      await open({ variables: { input: { subject: text } } });
      setSubject('');
      setError(null);
      onClose();
    } catch (failure) {
      setError(errorText(failure) ?? t('errors.generic'));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('home.support.dialogTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextInput
          label={t('home.support.subject')}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={error}
          maxLength={200}
          data-autofocus
          required
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('home.support.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('home.support.send')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
