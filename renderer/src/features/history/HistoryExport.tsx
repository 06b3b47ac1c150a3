// The history's export (supervisors and admins, as the agent decides): the commands of a period as a file, for the
// vehicle the page is filtered on when one is chosen.
import { useStore } from 'zustand';
import { roleAtLeast } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { sessionRole } from '../access/permissions.js';
import { ExportPanel } from '../exports/ExportPanel.js';

/** The saved file's name starts with it (history-<first day>-<last day>.csv). */
const FILE_PREFIX = 'history';

export function HistoryExport({ vehicle }: { vehicle: string }) {
  const stores = useStores();
  const role = useStore(stores.session, (s) => sessionRole(s.session));
  if (!role || !roleAtLeast(role, 'supervisor')) return null;
  return (
    <ExportPanel
      what={FILE_PREFIX}
      labels={{
        title: t('history:export.title'),
        from: t('history:export.from'),
        to: t('history:export.to'),
        format: t('history:export.format'),
        csv: t('history:export.format.csv'),
        jsonl: t('history:export.format.jsonl'),
        download: t('history:export.download'),
        ...(vehicle ? { scope: t('history:export.vehicleOnly') } : {}),
        saved: (file) => t('history:export.saved', { file }),
      }}
      run={(query) => stores.client.exportRemotes({ ...query, ...(vehicle ? { vehicle } : {}) })}
    />
  );
}
