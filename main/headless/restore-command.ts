// `npm run agent -- restore <file>`: puts a backup archive back into a data folder (main/core/backup), refusing
// with one line and the fix when it cannot: an archive altered or too new, a wrong or missing passphrase, a folder
// in use or already holding data (unless --force, which keeps the folder's files aside).
import { restoreBackup } from '../core/backup/restore-backup.js';
import { parseCommandArgs, PASSPHRASE_ENV, runRefusing } from './backup-command.js';
import type { AgentCommand } from './commands.js';

const USAGE = 'restore <file> [--data-dir <path>] [--passphrase-file <file>] [--force]';

export const restoreCommand: AgentCommand = {
  usage: `${USAGE}   put a backup back into a stopped agent's data folder; --force over existing data (kept aside as <name>.replaced-<time>); passphrase from --passphrase-file or ${PASSPHRASE_ENV}`,
  run: (argv) =>
    runRefusing(argv, 'restore', async () => {
      const args = parseCommandArgs(argv, USAGE, process.env, { force: true });
      if (args.help) {
        console.log(`Usage: npm run agent -- ${restoreCommand.usage}`);
        return;
      }
      const result = await restoreBackup({
        dataDir: args.dataDir,
        archive: args.file,
        passphrase: args.passphrase,
        force: args.force,
        now: new Date(),
      });
      const { manifest } = result;
      console.log(
        `Restored ${args.file} (Depot Remote ${manifest.appVersion}, schema version ${manifest.schemaVersion}, taken ${manifest.createdAt}) into ${result.dataDir}.`,
      );
      for (const { file, keptAs } of result.keptAside) console.log(`Kept aside: ${file} -> ${keptAs}`);
      console.log('Start the agent on this folder to use it.');
    }),
};
