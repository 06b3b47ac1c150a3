// A kept request's body, only ever shown as text (React escapes it; nothing in it is run or rendered as HTML):
// JSON indented for reading, with the exact bytes one click away.
import { Code, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { QuarantineDetailDto } from '../../../../preload/contract/quarantine.js';
import { bodyView, sizeText } from './quarantine-text.js';

export function ReceivedBody({ detail }: { detail: QuarantineDetailDto }) {
  const view = bodyView(detail);
  const [raw, setRaw] = useState(false);
  const text = view.kind === 'json' && !raw ? view.text : detail.body;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4">
            Body as received
          </Title>
          <Text size="sm" c="dimmed">
            {sizeText(detail.size)}
            {detail.contentType ? ` · ${detail.contentType}` : ''}
            {view.kind === 'base64' ? ' · not UTF-8 text: shown as base64' : ''}
            {view.kind === 'text' ? ' · not JSON: shown as text' : ''}
          </Text>
        </div>
        {view.kind === 'json' ? (
          <SegmentedControl
            aria-label="Body layout"
            size="xs"
            data={[
              { value: 'formatted', label: 'Formatted' },
              { value: 'raw', label: 'Exactly as received' },
            ]}
            value={raw ? 'raw' : 'formatted'}
            onChange={(v) => setRaw(v === 'raw')}
          />
        ) : null}
      </Group>
      {detail.body.length === 0 ? (
        <Text c="dimmed">The body was empty.</Text>
      ) : (
        <Code
          block
          data-testid="quarantine-body"
          data-kind={view.kind}
          style={{ maxHeight: 480, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          tabIndex={0}
          aria-label="Body as received"
        >
          {text}
        </Code>
      )}
    </Stack>
  );
}
