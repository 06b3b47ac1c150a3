// Webhook attributes: headers, body entries or query parameters added to every delivery, with $ variables.
import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeDraft,
  type AttributeType,
  CALLBACK_VARIABLES,
} from './callback-model.js';

export function AttributesEditor({
  value,
  onChange,
  errors,
}: {
  value: AttributeDraft[];
  onChange(attributes: AttributeDraft[]): void;
  errors: readonly FieldError[];
}) {
  const set = (index: number, change: Partial<AttributeDraft>) =>
    onChange(value.map((a, i) => (i === index ? { ...a, ...change } : a)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Added to every delivery, as a header, a body entry or a query parameter. A value may be one of the
        variables {CALLBACK_VARIABLES.join(', ')}, replaced when the notification is sent.
      </Text>
      {value.map((attribute, index) => {
        const path = `callback.webhook.attributes[${index}]`;
        return (
          <Group
            key={index}
            align="flex-start"
            gap="xs"
            wrap="wrap"
            role="group"
            aria-label={`Attribute ${index + 1}`}
          >
            <Select
              label="Type"
              w={120}
              data={[...ATTRIBUTE_TYPES]}
              value={attribute.type}
              allowDeselect={false}
              onChange={(v) => set(index, { type: (v ?? 'Header') as AttributeType })}
              error={errorAt(errors, `${path}.type`)}
            />
            <TextInput
              label="Key"
              w={200}
              value={attribute.key}
              onChange={(e) => set(index, { key: e.currentTarget.value })}
              error={errorAt(errors, `${path}.key`)}
            />
            <Autocomplete
              label="Value"
              w={240}
              data={[...CALLBACK_VARIABLES]}
              value={attribute.value}
              onChange={(v) => set(index, { value: v })}
              error={errorAt(errors, `${path}.value`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mt={28}
              aria-label={`Remove attribute ${index + 1}`}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {errorAt(errors, 'callback.webhook.attributes') ? (
        <Text c="red" size="sm">
          {errorAt(errors, 'callback.webhook.attributes')}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...value, { type: 'Header', key: '', value: '' }])}
        >
          Add an attribute
        </Button>
      </Group>
    </Stack>
  );
}
