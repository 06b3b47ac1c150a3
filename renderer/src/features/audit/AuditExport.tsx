// The audit log's export (admins only, as the agent decides): the entries of a period as a file, for the page's
// operator filter when one is set.
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { isAdmin } from '../access/permissions.js';
import { ExportPanel } from '../exports/ExportPanel.js';

/** The saved file's name starts with it (audit-<first day>-<last day>.csv). */
const FILE_PREFIX = 'audit';

export function AuditExport({ operator }: { operator: string }) {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  if (!isAdmin(session)) return null;
  const who = operator.trim();
  return (
    <ExportPanel
      what={FILE_PREFIX}
      labels={{
        title: t('audit:export.title'),
        from: t('audit:export.from'),
        to: t('audit:export.to'),
        format: t('audit:export.format'),
        csv: t('audit:export.format.csv'),
        jsonl: t('audit:export.format.jsonl'),
        download: t('audit:export.download'),
        ...(who ? { scope: t('audit:export.operatorOnly', { operator: who }) } : {}),
        saved: (file) => t('audit:export.saved', { file }),
      }}
      run={(query) => stores.client.exportAudit({ ...query, ...(who ? { operator: who } : {}) })}
    />
  );
}
