// Who is signed in, in the header: the name and role (or the token's label), and a menu to switch operator — two
// clicks and a PIN —, change one's PIN, or sign out. A token session also keeps the name of the person at the
// keyboard, sent as "on behalf of" with each change. The page's first frame draws the menu's button alone: Mantine's
// Menu positions its list with floating-ui, which keeps the button's element in state, set as it is attached — a
// synchronous update that made React run every effect and render the menu again before that frame could be painted
// (traced on the fleet's page load). The menu takes the button's place once the frame has been painted, or at once
// if the button is pressed before (it then opens).
import { Button, Group, Menu, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconUser, IconUsers } from '@tabler/icons-react';
import { cloneElement, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { useAfterFirstPaint } from '../../components/use-after-first-paint.js';
import { useOpenedOnce } from '../../components/use-opened-once.js';
import { RoleBadge } from '../access/RoleBadge.js';
import { ChangePinDialog } from './ChangePinDialog.js';
import { followOperatorLanguage, t } from '../../i18n/index.js';
import { SwitchOperatorDialog } from './SwitchOperatorDialog.js';

export function SessionMenu() {
  const stores = useStores();
  const actor = useStore(stores.session, (s) => s.session?.actor ?? null);
  const operator = useStore(stores.session, (s) => s.operator);
  const team = useStore(stores.team);
  const [switchTo, setSwitchTo] = useState<string | null>(null);
  const [changingPin, setChangingPin] = useState(false);
  const [pinChanged, setPinChanged] = useState(false);
  const switchMounted = useOpenedOnce(switchTo !== null);
  const pinMounted = useOpenedOnce(changingPin);
  const painted = useAfterFirstPaint(false, true);
  const [pressedEarly, setPressedEarly] = useState(false);
  const [opened, setOpened] = useState(false);
  const menuShown = painted || pressedEarly;
  // Pressed before the menu was there: it opens once in place, after that press has been handled (opened during it,
  // the menu took the press's end as a click outside, and closed).
  useEffect(() => {
    if (!pressedEarly) return;
    const timer = setTimeout(() => setOpened(true), 0);
    return () => clearTimeout(timer);
  }, [pressedEarly]);

  useEffect(() => {
    void stores.team.getState().load();
  }, [stores, actor?.id]);
  // Each operator's language (chosen in Settings, kept per operator) follows them: at sign-in, on a switch, and when
  // the app opens on a session already signed in. Nothing happens when it is the language shown already.
  const operatorId = actor?.kind === 'operator' ? actor.id : null;
  useEffect(() => {
    if (operatorId) void followOperatorLanguage(operatorId);
  }, [operatorId]);

  if (!actor) return null;
  const isOperator = actor.kind === 'operator';
  const others = team.items.filter((m) => m.id !== actor.id);
  const self = team.items.find((m) => m.id === actor.id);
  const password = self?.credential === 'password';

  const button = (
    <Button
      variant="default"
      rightSection={<IconChevronDown size={16} aria-hidden />}
      data-testid="session-menu"
      data-actor-kind={actor.kind}
    >
      <Group gap={8} wrap="nowrap">
        <Text fw={600} span data-testid="session-name">
          {actor.kind === 'machine' ? t('access:actor.machine') : actor.name}
        </Text>
        <RoleBadge role={actor.role} />
      </Group>
    </Button>
  );

  return (
    <Group gap="sm" wrap="nowrap">
      {!isOperator ? (
        <TextInput
          aria-label={t('session:onBehalfOf')}
          placeholder={t('session:onBehalfOfPlaceholder')}
          leftSection={<IconUser size={16} aria-hidden />}
          value={operator}
          onChange={(e) => stores.session.getState().setOperator(e.currentTarget.value)}
          w={200}
          visibleFrom="md"
        />
      ) : null}
      {menuShown ? (
        <Menu
          opened={opened}
          onChange={setOpened}
          position="bottom-end"
          shadow="md"
          width={280}
          onOpen={() => {
            setPinChanged(false);
            void stores.team.getState().load();
          }}
        >
          <Menu.Target>{button}</Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('session:switchTo')}</Menu.Label>
            {others.length === 0 ? <Menu.Item disabled>{t('session:noOthers')}</Menu.Item> : null}
            {others.map((m) => (
              <Menu.Item
                key={m.id}
                leftSection={<IconUsers size={16} aria-hidden />}
                rightSection={<RoleBadge role={m.role} size="sm" />}
                onClick={() => setSwitchTo(m.id)}
              >
                {m.name}
              </Menu.Item>
            ))}
            <Menu.Divider />
            {isOperator ? (
              <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setChangingPin(true)}>
                {password ? t('session:changePassword') : t('session:changePin')}
              </Menu.Item>
            ) : null}
            <Menu.Item
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void stores.session.getState().signOut()}
            >
              {t('session:signOut')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : (
        cloneElement(button, { onClick: () => setPressedEarly(true) })
      )}
      {switchMounted ? <SwitchOperatorDialog memberId={switchTo} onClose={() => setSwitchTo(null)} /> : null}
      {pinMounted ? (
        <ChangePinDialog
          opened={changingPin}
          password={password}
          onClose={() => setChangingPin(false)}
          onChanged={() => {
            setChangingPin(false);
            setPinChanged(true);
          }}
        />
      ) : null}
      {pinChanged ? (
        <Text role="status" size="sm" c="green.8" data-testid="pin-changed">
          {t('session:pinChanged')}
        </Text>
      ) : null}
    </Group>
  );
}
