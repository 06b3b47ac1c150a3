// A kept request's body, only ever shown as text (React escapes it; nothing in it is run or rendered as HTML):
// JSON indented for reading, with the exact bytes one click away.
import { Code, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { QuarantineDetailDto } from '../../../../preload/contract/quarantine.js';
import { t } from '../../i18n/index.js';
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
            {t('quarantine:body.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {[
              sizeText(detail.size),
              detail.contentType,
              view.kind === 'base64' ? t('quarantine:body.base64') : null,
              view.kind === 'text' ? t('quarantine:body.text') : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        {view.kind === 'json' ? (
          <SegmentedControl
            aria-label={t('quarantine:body.layout')}
            size="xs"
            data={[
              { value: 'formatted', label: t('quarantine:body.formatted') },
              { value: 'raw', label: t('quarantine:body.raw') },
            ]}
            value={raw ? 'raw' : 'formatted'}
            onChange={(v) => setRaw(v === 'raw')}
          />
        ) : null}
      </Group>
      {detail.body.length === 0 ? (
        <Text c="dimmed">{t('quarantine:body.empty')}</Text>
      ) : (
        <Code
          block
          data-testid="quarantine-body"
          data-kind={view.kind}
          style={{ maxHeight: 480, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          tabIndex={0}
          aria-label={t('quarantine:body.title')}
        >
          {text}
        </Code>
      )}
    </Stack>
  );
}
