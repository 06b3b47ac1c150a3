import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { t } from '../../i18n/index.js';

/** The signing secret in clear, once: the agent never shows it again. */
export function RevealedSecret({ secret, onDismiss }: { secret: string; onDismiss(): void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey aria-hidden />}
      title={t('callbacks:revealed.title')}
      data-testid="revealed-secret"
    >
      <Text mb="xs">{t('callbacks:revealed.text')}</Text>
      <Code block>{secret}</Code>
      <Group mt="sm" gap="xs">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('callbacks:revealed.copied') : t('callbacks:revealed.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={onDismiss}>
          {t('callbacks:revealed.done')}
        </Button>
      </Group>
    </Alert>
  );
}
