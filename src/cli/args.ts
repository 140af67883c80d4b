// Command-line arguments: positionals and --flags (with values where the flag takes one).
export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string[]>;
}

const VALUE_FLAGS = new Set([
  '--profile',
  '--marked',
  '-o',
  '--out',
  '--rubric',
  '--rubric-setting',
  '--workers',
  '--timeout',
  '--narrative',
  '--last-year',
  '--max-size',
  // review (issue #16): explain, report, check
  '--status',
  '--reason',
  '--csv',
  '--user',
  '--change-threshold',
]);
const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h', '--quiet', '--verbose']);

export class ArgsError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = null, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new ArgsError(`参数 ${name} 需要一个值。`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else if (BOOLEAN_FLAGS.has(a)) {
      flags.set(a, ['true']);
    } else if (a.startsWith('-')) {
      throw new ArgsError(`不认识的参数：${a}。运行 final-accounts --help 查看用法。`);
    } else {
      positionals.push(a);
    }
  }
  return { command, positionals, flags };
}

export function flag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.flags.get(n);
    if (v) return v[v.length - 1];
  }
  return undefined;
}
