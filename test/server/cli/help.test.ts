import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { printable, table } from '../../../server/cli/output';
import { buildProgram } from '../../../server/cli/program';
import { runCli, tempDir } from './run-cli';

/** Every command below the root, with its full name (`keys create`). */
function commands(parent: Command, prefix = ''): Array<{ name: string; command: Command }> {
  return parent.commands.flatMap((command) => {
    const name = `${prefix}${command.name()}`;
    return [{ name, command }, ...commands(command, `${name} `)];
  });
}

/** A command's whole help text, including the examples added after it. */
function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

describe('plaudit --help', () => {
  it('documents every command of the issue, and each leaf command has its own help with an example', () => {
    const all = commands(buildProgram());
    const names = all.map((c) => c.name);
    for (const expected of [
      'serve',
      'init',
      'keys create',
      'keys list',
      'keys revoke',
      'users create',
      'users list',
      'users reset-password',
      'businesses create',
      'businesses list',
      'import',
      'backup',
      'migrate',
    ]) {
      expect(names).toContain(expected);
    }
    for (const { name, command } of all) {
      expect(command.description(), name).not.toBe('');
      if (command.commands.length === 0) {
        const help = helpOf(command);
        expect(help, name).toContain(`Usage: plaudit ${name}`);
        expect(help, name).toMatch(/Example/);
      }
    }
  });

  it('prints the overview from the real process and exits 0', { timeout: 30_000 }, async () => {
    const temp = tempDir();
    const result = await runCli(temp.dir, ['--help']);
    temp.remove();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: plaudit [options] [command]');
    for (const command of ['serve', 'init', 'keys', 'businesses', 'import', 'backup', 'migrate']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

describe('terminal output of untrusted text', () => {
  it('strips escape sequences, control and bidi-override characters', () => {
    expect(printable('a\u001b[31mred\u001b[0m')).toBe('ared');
    expect(printable('x\u001b]8;;https://evil.test\u0007link\u001b]8;;\u0007')).toBe('xlink');
    expect(printable('one\ntwo\r\tthree')).toBe('one two  three');
    expect(printable('bell\u0007 nul\u0000 c1\u009b2J rlo\u202eabc')).toBe('bell nul c1 rloabc');
    expect(printable('Café ☕ 日本')).toBe('Café ☕ 日本');
    expect(printable(null)).toBe('');
  });

  it('lays out a table with every cell made printable', () => {
    expect(
      table(
        ['ID', 'NAME'],
        [
          ['biz_1', 'Joe\u001b[2J'],
          ['biz_22', 'Ann\nFake row'],
        ],
      ),
    ).toBe('ID      NAME\nbiz_1   Joe\nbiz_22  Ann Fake row');
  });
});
