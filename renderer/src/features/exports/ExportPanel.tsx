// An export form: a period (first and last day), a format, and a button that saves the file the agent answers. The
// words are the page's own (each page's catalog), given by the page's export component.
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { asClientFailure, type ClientFailure } from '../../../../preload/contract/client.js';
import { EXPORT_TYPES, type ExportFormat } from '../../../../preload/contract/export.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { downloadText } from '../bulks/download.js';
import { defaultPeriod, exportFileName, periodQuery } from './export-period.js';

export interface ExportLabels {
  title: string;
  from: string;
  to: string;
  format: string;
  csv: string;
  jsonl: string;
  download: string;
  /** What the file keeps beside the period (the page's filter), if anything. */
  scope?: string;
  saved(file: string): string;
}

export function ExportPanel({
  what,
  labels,
  run,
}: {
  what: 'audit' | 'history';
  labels: ExportLabels;
  run(query: { from: string; to: string; format: ExportFormat }): Promise<string>;
}) {
  const [period, setPeriod] = useState(defaultPeriod);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setSaved(null);
    try {
      const text = await run({ ...periodQuery(period.from, period.to), format });
      const file = exportFileName(what, period.from, period.to, format);
      downloadText(text, file, `${EXPORT_TYPES[format]};charset=utf-8`);
      setFailure(null);
      setSaved(file);
    } catch (error) {
      setFailure(asClientFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid={`${what}-export`}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {labels.title}
        </Title>
        {labels.scope ? (
          <Text size="sm" c="dimmed">
            {labels.scope}
          </Text>
        ) : null}
        <Group gap="sm" align="flex-end">
          <TextInput
            type="date"
            label={labels.from}
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
            w={170}
          />
          <TextInput
            type="date"
            label={labels.to}
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
            w={170}
          />
          <Select
            label={labels.format}
            data={[
              { value: 'csv', label: labels.csv },
              { value: 'jsonl', label: labels.jsonl },
            ]}
            value={format}
            onChange={(v) => setFormat(v === 'jsonl' ? 'jsonl' : 'csv')}
            allowDeselect={false}
            w={200}
          />
          <Button variant="light" loading={busy} onClick={() => void save()}>
            {labels.download}
          </Button>
        </Group>
        <ErrorSummary error={failure} />
        {saved ? (
          <Text size="sm" role="status">
            {labels.saved(saved)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
