import type { Command } from 'commander';

/**
 * Shell completion scripts generated from the program itself (every command, subcommand and long option), so
 * they never drift from what the CLI accepts. Pure: `completion.ts` in commands/ prints one.
 */
export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

interface Entry {
  /** "products", "config set" */
  path: string;
  description: string;
  options: string[];
}

export function commandEntries(program: Command): Entry[] {
  const entries: Entry[] = [];
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
      const options = sub.options.map((o) => o.long).filter((l): l is string => Boolean(l));
      entries.push({ path, description: sub.description(), options: [...options, '--help'] });
      walk(sub, path);
    }
  };
  walk(program, '');
  return entries;
}

export function completionScript(shell: Shell, program: Command): string {
  const entries = commandEntries(program);
  const globals = program.options.map((o) => o.long).filter((l): l is string => Boolean(l));
  if (shell === 'bash') return bash(entries, globals);
  if (shell === 'zsh')
    return `#compdef sentos-sync\nautoload -U +X bashcompinit && bashcompinit\n${bash(entries, globals)}`;
  return fish(entries, globals);
}

function bash(entries: Entry[], globals: string[]): string {
  const top = entries.filter((e) => !e.path.includes(' ')).map((e) => e.path);
  const cases = entries
    .map((e) => {
      const subs = entries.filter(
        (s) => s.path.startsWith(`${e.path} `) && !s.path.slice(e.path.length + 1).includes(' '),
      );
      const words = [...subs.map((s) => s.path.split(' ').at(-1)!), ...e.options];
      return `    "${e.path}") words="${words.join(' ')}" ;;`;
    })
    .join('\n');
  return `# sentos-sync completion for bash: eval "$(sentos-sync completion bash)"
_sentos_sync() {
  local cur path="" w words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    # Only words that name a (sub)command extend the path: option values do not.
    case "\${path:+$path }$w" in ${entries.map((e) => `"${e.path}"`).join('|')}) path="\${path:+$path }$w" ;; esac
  done
  case "$path" in
    "") words="${[...top, ...globals].join(' ')}" ;;
${cases}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _sentos_sync sentos-sync
`;
}

function fish(entries: Entry[], globals: string[]): string {
  const quote = (text: string) => `'${text.replaceAll("'", "\\'")}'`;
  const lines = ['# sentos-sync completion for fish: sentos-sync completion fish | source'];
  for (const g of globals) lines.push(`complete -c sentos-sync -l ${g.slice(2)}`);
  for (const e of entries) {
    const parts = e.path.split(' ');
    const name = parts.at(-1)!;
    const condition =
      parts.length === 1 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${parts.slice(0, -1).join(' ')}`;
    lines.push(`complete -c sentos-sync -f -n ${quote(condition)} -a ${name} -d ${quote(e.description.slice(0, 80))}`);
    for (const o of e.options)
      lines.push(`complete -c sentos-sync -n ${quote(`__fish_seen_subcommand_from ${name}`)} -l ${o.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}
