import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';

const link = /(https?:\/\/[^\s<]*[^\s<.,;:!?)])/g;

/** A plain-text message with its links clickable, line breaks kept. */
export function MessageText({ text }: { text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text.split(link).map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}
