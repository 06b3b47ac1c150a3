// This browser's notifications (standing in for the desktop tray): ask for permission with a click.
import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function BrowserNotifications() {
  const [permission, setPermission] = useState(notificationPermission);
  return (
    <Group gap="sm">
      <Text>Notifications in this browser:</Text>
      {permission === 'granted' ? <Badge color="green">On</Badge> : null}
      {permission === 'denied' ? (
        <Text c="orange.8">Blocked: allow notifications for this site in the browser&apos;s settings.</Text>
      ) : null}
      {permission === 'unsupported' ? <Text c="dimmed">Not supported by this browser.</Text> : null}
      {permission === 'default' ? (
        <Button variant="light" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Turn on
        </Button>
      ) : null}
    </Group>
  );
}
