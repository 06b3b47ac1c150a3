// The agent's one-off commands (`npm run agent -- <command> …`), beside starting the agent: each runs, says what it
// did in one line (or why it could not, with the fix), and returns the process's exit code. A command's module is
// loaded only when it is asked for, so starting the agent pays for none of them.

export interface AgentCommand {
  /** One usage line, for `--help`. */
  usage: string;
  /** Runs with the arguments after the command's name; resolves with the exit code. */
  run(argv: string[]): Promise<number>;
}

/** Commands by name. Add one as `name: () => import('./x-command.js').then((m) => m.xCommand)`. */
export const COMMANDS: Readonly<Record<string, () => Promise<AgentCommand>>> = {
  backup: () => import('./backup-command.js').then((m) => m.backupCommand),
  restore: () => import('./restore-command.js').then((m) => m.restoreCommand),
  diagnostics: () => import('./diagnostics-command.js').then((m) => m.diagnosticsCommand),
  'update-info': () => import('./update-info-command.js').then((m) => m.updateInfoCommand),
};

/** The command `argv` asks for (its first word), or null when it asks to start the agent. */
export function commandOf(argv: readonly string[]): (() => Promise<AgentCommand>) | null {
  const [name] = argv;
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? (COMMANDS[name] ?? null) : null;
}
