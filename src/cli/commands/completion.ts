import { InvalidArgumentError, type Command } from 'commander';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import type { RuntimeFactory } from './config.js';

/** `completion bash|zsh|fish`: prints the script; the program is built whole so every option is in it. */
export function registerCompletionCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('completion')
    .description('Print a shell completion script: bash, zsh or fish')
    .argument('<shell>', SHELLS.join(' | '), (value: string) => {
      if (!SHELLS.includes(value as Shell)) throw new InvalidArgumentError(`expected ${SHELLS.join(', ')}`);
      return value as Shell;
    })
    .action(async (shell: Shell, _flags, command: Command) => {
      const runtime = runtimeFor(command);
      const { createProgram } = await import('../program.js');
      const whole = createProgram();
      await whole.loadAll();
      runtime.output.result(completionScript(shell, whole.program));
    });
}
