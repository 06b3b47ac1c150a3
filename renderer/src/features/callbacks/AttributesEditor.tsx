// Webhook attributes: headers, body entries or query parameters added to every delivery, with $ variables.
import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { FIELD } from './callback-fields.js';
import { t } from '../../i18n/index.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeDraft,
  type AttributeType,
  CALLBACK_VARIABLES,
} from './callback-model.js';

/** Where an attribute goes, in words (the value sent is the fleet API's Header, Body or Query). */
function attributeTypeLabel(type: AttributeType): string {
  switch (type) {
    case 'Header':
      return t('callbacks:attributes.type.header');
    case 'Body':
      return t('callbacks:attributes.type.body');
    case 'Query':
      return t('callbacks:attributes.type.query');
  }
}

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
        {t('callbacks:attributes.hint', { variables: CALLBACK_VARIABLES.join(', ') })}
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
            aria-label={t('callbacks:attributes.group', { n: index + 1 })}
          >
            <Select
              label={t('callbacks:attributes.type.label')}
              w={140}
              data={ATTRIBUTE_TYPES.map((type) => ({ value: type, label: attributeTypeLabel(type) }))}
              value={attribute.type}
              allowDeselect={false}
              onChange={(v) => set(index, { type: (v ?? 'Header') as AttributeType })}
              error={errorAt(errors, `${path}.type`)}
            />
            <TextInput
              label={t('callbacks:attributes.key')}
              w={200}
              value={attribute.key}
              onChange={(e) => set(index, { key: e.currentTarget.value })}
              error={errorAt(errors, `${path}.key`)}
            />
            <Autocomplete
              label={t('callbacks:attributes.value')}
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
              aria-label={t('callbacks:attributes.remove', { n: index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {errorAt(errors, FIELD.attributes) ? (
        <Text c="red" size="sm">
          {errorAt(errors, FIELD.attributes)}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...value, { type: 'Header', key: '', value: '' }])}
        >
          {t('callbacks:attributes.add')}
        </Button>
      </Group>
    </Stack>
  );
}
