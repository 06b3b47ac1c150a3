// This browser's notifications (standing in for the desktop tray): ask for permission with a click.
import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n/index.js';

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function BrowserNotifications() {
  const [permission, setPermission] = useState(notificationPermission);
  return (
    <Group gap="sm">
      <Text>{t('settings:browserNotifications.label')}</Text>
      {permission === 'granted' ? <Badge color="green">{t('settings:browserNotifications.on')}</Badge> : null}
      {permission === 'denied' ? (
        <Text c="orange.8">{t('settings:browserNotifications.blocked')}</Text>
      ) : null}
      {permission === 'unsupported' ? (
        <Text c="dimmed">{t('settings:browserNotifications.unsupported')}</Text>
      ) : null}
      {permission === 'default' ? (
        <Button variant="light" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('settings:browserNotifications.turnOn')}
        </Button>
      ) : null}
    </Group>
  );
}
