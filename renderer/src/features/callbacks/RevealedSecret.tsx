import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';

/** The signing secret in clear, once: the agent never shows it again. */
export function RevealedSecret({ secret, onDismiss }: { secret: string; onDismiss(): void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey aria-hidden />}
      title="Copy the signing secret now"
      data-testid="revealed-secret"
    >
      <Text mb="xs">
        It is shown only this once. Give it to the receiving system so it can check signatures.
      </Text>
      <Code block>{secret}</Code>
      <Group mt="sm" gap="xs">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={onDismiss}>
          I have copied it
        </Button>
      </Group>
    </Alert>
  );
}
