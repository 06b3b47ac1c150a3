// Choose a name, type the PIN: the sign-in of an enrolled browser, the lock screen and "Switch operator". A
// listbox: the arrows move through the names, Enter (or a click) chooses and puts the focus in the PIN field,
// Enter there signs in. A refusal empties the PIN and brings the focus back to it.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { errorAt } from '../../components/field-errors.js';
import type { TeamMember } from '../../stores/team-store.js';
import { RoleBadge } from '../access/RoleBadge.js';
import { t } from '../../i18n/index.js';
import { signInFailureText } from './sign-in-failure.js';
import classes from './OperatorPicker.module.css';
import { SecretInput } from '../../components/SecretInput.js';

export function OperatorPicker({
  members,
  initial,
  busy,
  failure,
  submitLabel,
  onSubmit,
}: {
  members: readonly TeamMember[];
  /** The member chosen at first (the one who was locked out, the one picked in a menu): the PIN has the focus. */
  initial?: string | null;
  busy: boolean;
  failure: ClientFailure | null;
  /** The button's words; "Sign in" by default. */
  submitLabel?: string;
  onSubmit(memberId: string, pin: string): void;
}) {
  const uid = useId();
  const [selected, setSelected] = useState<string | null>(
    initial && members.some((m) => m.id === initial) ? initial : null,
  );
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const chosen = members.find((m) => m.id === selected) ?? null;
  // The list may arrive after the first render: the initial choice applies once it does.
  useEffect(() => {
    if (selected === null && initial && members.some((m) => m.id === initial)) setSelected(initial);
  }, [members, initial, selected]);

  // Where the focus starts: the PIN when someone is already chosen, else the list.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current || members.length === 0) return;
    focusedOnce.current = true;
    if (chosen) pinRef.current?.focus();
    else listRef.current?.focus();
  }, [members.length, chosen]);

  useEffect(() => {
    if (!failure) return;
    setPin('');
    pinRef.current?.focus();
  }, [failure]);

  function choose(id: string) {
    setSelected(id);
    setMissing(null);
    pinRef.current?.focus();
  }

  function onListKey(event: React.KeyboardEvent) {
    if (members.length === 0) return;
    const index = members.findIndex((m) => m.id === selected);
    const move = (to: number) => {
      event.preventDefault();
      const next = members[Math.max(0, Math.min(members.length - 1, to))]!;
      setSelected(next.id);
      document.getElementById(`${uid}-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index < 0 ? 0 : index + 1);
      case 'ArrowUp':
        return move(index < 0 ? members.length - 1 : index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(members.length - 1);
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (selected) choose(selected);
        else move(0);
        return;
      default:
        // A letter jumps to the next name starting with it.
        if (event.key.length === 1 && /\p{L}/u.test(event.key)) {
          const letter = event.key.toLowerCase();
          const order = [...members.slice(index + 1), ...members.slice(0, index + 1)];
          const found = order.find((m) => m.name.toLowerCase().startsWith(letter));
          if (found) move(members.indexOf(found));
        }
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setMissing(t('login:pick.chooseFirst'));
      listRef.current?.focus();
      return;
    }
    if (!pin) {
      setMissing(t('login:pick.typePin'));
      pinRef.current?.focus();
      return;
    }
    setMissing(null);
    onSubmit(chosen.id, pin);
  }

  const fieldMessage = failure ? errorAt(failure.errors, 'pin') : undefined;
  const general = failure && !fieldMessage ? signInFailureText(failure) : null;
  const password = chosen?.credential === 'password';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {general ? (
          <Alert
            color="red"
            icon={failure?.code === 'OPERATOR_LOCKED' ? <IconLock aria-hidden /> : undefined}
            title={general.title}
            role="alert"
            data-testid="sign-in-error"
          >
            {general.message || null}
          </Alert>
        ) : null}
        <div>
          <Text fw={500} size="sm" mb={4} id={`${uid}-label`}>
            {t('login:pick.list')}
          </Text>
          <div
            ref={listRef}
            role="listbox"
            aria-labelledby={`${uid}-label`}
            tabIndex={0}
            aria-activedescendant={selected ? `${uid}-${selected}` : undefined}
            onKeyDown={onListKey}
            className={classes.list}
          >
            {members.map((m) => (
              <div
                key={m.id}
                id={`${uid}-${m.id}`}
                role="option"
                aria-selected={m.id === selected}
                className={classes.option}
                onClick={() => choose(m.id)}
                data-testid="picker-operator"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{m.name}</Text>
                  <RoleBadge role={m.role} />
                </Group>
              </div>
            ))}
          </div>
        </div>
        <SecretInput
          ref={pinRef}
          label={
            chosen
              ? password
                ? t('login:pick.passwordFor', { name: chosen.name })
                : t('login:pick.pinFor', { name: chosen.name })
              : t('login:pick.pinLabel')
          }
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value)}
          error={missing ?? fieldMessage}
          inputMode={password ? undefined : 'numeric'}
          autoComplete="off"
          size="md"
          // In a dialog, its focus trap starts here rather than on the close button.
          data-autofocus={initial ? true : undefined}
        />
        <Button type="submit" size="md" loading={busy}>
          {submitLabel ?? t('login:signIn')}
        </Button>
      </Stack>
    </form>
  );
}
