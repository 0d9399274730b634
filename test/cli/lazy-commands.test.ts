import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';

const io = { out: () => undefined, err: () => undefined };
const getConfig = () => parseConfig({ LOG_LEVEL: 'silent' });
const names = (program: Command) => program.commands.map((command) => command.name());

describe('commands loaded on demand', () => {
  it('names, for every top-level command a module registers, the module that registers it', async () => {
    const all = names(await buildProgram(io, getConfig));
    const inline = ['serve', 'worker', 'migrate', 'db:status'];
    expect(all.filter((name) => !inline.includes(name)).sort()).toEqual(Object.keys(COMMAND_MODULES).sort());
    for (const [name, load] of Object.entries(COMMAND_MODULES)) {
      const program = new Command();
      (await load())(program, io, getConfig);
      expect(names(program), name).toContain(name);
    }
  });

  it('registers only the command the command line names, and all of them for help or an unknown command', async () => {
    expect(names(await buildProgram(io, getConfig, ['keys', 'list']))).toEqual([
      ...['serve', 'worker', 'migrate', 'db:status'],
      'keys',
    ]);
    expect(names(await buildProgram(io, getConfig, ['jobs', 'expire']))).toContain('imports');
    // A command defined in program.ts itself loads no command module.
    expect(names(await buildProgram(io, getConfig, ['db:status', '--json']))).toEqual([
      'serve',
      'worker',
      'migrate',
      'db:status',
    ]);
    const everything = names(await buildProgram(io, getConfig));
    expect(names(await buildProgram(io, getConfig, ['--help']))).toEqual(everything);
    expect(names(await buildProgram(io, getConfig, ['kyes']))).toEqual(everything);
  });
});
