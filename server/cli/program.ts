import { Command, CommanderError } from 'commander';
import { registerBackup } from './backup';
import { registerBusinesses } from './businesses';
import { CliError } from './context';
import { registerImport } from './import';
import { registerInit } from './init';
import { registerKeys } from './keys';
import { registerMcp } from './mcp';
import { registerMigrate } from './migrate';
import { registerOrganizations } from './organizations';
import { printable } from './output';
import { registerServe } from './serve';
import { registerUsers } from './users';

/** The `plaudit` command: every subcommand works on the database in PLAUDIT_DATA_DIR (or --data-dir). */
export function buildProgram(): Command {
  const program = new Command('plaudit')
    .description('Plaudit: self-hosted review collection and display')
    .option(
      '-d, --data-dir <dir>',
      'data directory holding plaudit.db (overrides PLAUDIT_DATA_DIR, default ./data)',
    )
    .showSuggestionAfterError()
    .configureOutput({ outputError: (text, write) => write(`plaudit: ${text.replace(/^error: /, '')}`) })
    .addHelpText(
      'after',
      '\nRun `plaudit <command> --help` for a command’s options and examples. Docs: docs/cli.md\n',
    );
  for (const register of [
    registerServe,
    registerInit,
    registerOrganizations,
    registerKeys,
    registerUsers,
    registerBusinesses,
    registerImport,
    registerBackup,
    registerMigrate,
    registerMcp,
  ]) {
    register(program);
  }
  // Commander's own errors (unknown option, missing argument) become our one-line-and-exit path below.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    for (const sub of command.commands) exitOverride(sub);
  };
  exitOverride(program);
  return program;
}

/**
 * Runs the CLI and answers the exit code; a failure is one line on stderr (never a stack trace).
 * It does not exit the process, so tests can run it in-process and `serve` keeps running.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already printed its own errors (and help text, with exit code 0).
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`plaudit: ${printable(message)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
