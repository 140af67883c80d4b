// Command-line arguments through node:util parseArgs, from one table of options (OPTIONS; the commands
// and their help are in commands.ts). Flags are kept under their printed names ('--profile', '-o' and
// '--out' alike) so that a handler asks for `flag(args, '--profile')`.
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string[]>;
}

export interface OptionDef {
  type: 'string' | 'boolean';
  /** One-letter alias (`-o`). */
  short?: string;
  /** The value's placeholder in the help (`格式`, `秒`). */
  value?: string;
  /** What the option does (Chinese); a command may say it its own way (commands.ts). */
  help: string;
}

/** Every option the CLI knows, by its long name without `--`. To add one: an entry here, then list it in its commands. */
export const OPTIONS = {
  profile: {
    type: 'string',
    value: '格式',
    help: 'fuzhou-2024 | shanghai-2024 | central-2024 | department-2018（2018 年十张表部门决算，只核对）（默认按表格自动识别）',
  },
  json: { type: 'boolean', help: '以 JSON 输出结果' },
  marked: { type: 'string', value: '输出.xlsx', help: '另存一份标记了问题单元格的副本（原文件不会被修改）' },
  out: { type: 'string', short: 'o', value: '输出', help: '输出文件' },
  narrative: {
    type: 'string',
    value: '情况说明.docx|.txt',
    help: '同时核对情况说明（.docx 或 .txt）中的每个数字；不指定时使用工作簿中的“情况说明”工作表',
  },
  'last-year': { type: 'string', value: '上年.xlsx', help: '上年的九张公开表或底稿（用于与上年比较）' },
  rubric: {
    type: 'string',
    value: '评分规则',
    help:
      '绩效自评评分规则：gongkai-2024（默认）| fujian-2018-r17 | fujian-2018-s17 | fujian-2018-r18\n' +
      '（福建2018自评表式 R17/R18/S17 按表内容自动识别并用其规则；指定 fujian-2018-… 则覆盖）',
  },
  'rubric-setting': {
    type: 'string',
    value: '键=值',
    help: '评分设置，可重复：execRateRule=none|proportional|tiered，\nexecRateTiers=90:10,80:8,60:6,0:0，lteConvention=a|b',
  },
  workers: { type: 'string', value: 'N', help: '批量处理的线程数（默认使用全部 CPU 核心）' },
  timeout: { type: 'string', value: '秒', help: '单个文件超过该秒数仍未完成即中止（单个文件默认不限；批量默认 300，0 为不限）' },
  quiet: { type: 'boolean', help: '批量处理时只显示合计和出错的文件，不列出每个文件' },
  'max-size': {
    type: 'string',
    value: 'MB',
    help: '工作簿解压后的大小上限（默认 200）；超出即拒绝读取，以防异常或恶意构造的文件耗尽内存',
  },
  // review (docs/review.md): explain, report, check
  status: { type: 'string', value: '状态', help: 'explained 已说明 | dismissed 误报 | open 恢复为待处理（已说明和误报须写明原因）' },
  reason: { type: 'string', value: '原因', help: '说明的原因（原样保存在审核记录中）' },
  csv: { type: 'string', value: '说明.csv', help: '批量说明：id,status,reason 三列的清单（可有表头行）' },
  user: { type: 'string', value: '姓名', help: '审核记录中的填写人（默认为登录用户名）' },
  'change-threshold': {
    type: 'string',
    value: '百分比,万元',
    help: '与上年比较的变动幅度阈值（默认 30,10：变动超过 ±30% 且在 10 万元以上需说明原因）',
  },
  verbose: { type: 'boolean', help: '读取失败或内部错误时，附上程序库的原始信息（报告问题时使用）' },
  help: { type: 'boolean', short: 'h', help: '显示帮助' },
  version: { type: 'boolean', help: '显示版本号' },
} satisfies Record<string, OptionDef>;

export type OptionName = keyof typeof OPTIONS;

export class ArgsError extends Error {}

const CONFIG: ParseArgsConfig['options'] = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, o]: [string, OptionDef]) => [
    name,
    { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.type === 'string' ? { multiple: true } : {}) },
  ]),
);

/** The option a parseArgs error names (`'--profile <value>'`, `'-o, --out <value>'`, `'-x'`), for the Chinese message. */
function optionInMessage(message: string): string {
  const quoted = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const named =
    quoted
      .split(/[ ,]+/)
      .filter((t) => t.startsWith('-'))
      .pop() ?? '';
  // `-o` is named by its long form, which `--out=值` can follow.
  const long = Object.entries(OPTIONS).find(([, o]: [string, OptionDef]) => named === `-${o.short}`)?.[0];
  return long ? `--${long}` : named;
}

/**
 * Splits argv into the command (the first word, when it is not an option), its positionals and its flags.
 * Unknown options, a missing value and a value given to a switch are an ArgsError in Chinese.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  const command = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : null;
  const rest = command === null ? argv : argv.slice(1);
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: rest, options: CONFIG, strict: true, allowPositionals: true, tokens: false });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    const option = optionInMessage(message);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message)) throw new ArgsError(`参数 ${option} 需要一个值。`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /ambiguous/.test(message))
      throw new ArgsError(`参数 ${option} 需要一个值，后面却是另一个参数；值本身以“-”开头时请写成 ${option}=值。`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ArgsError(`参数 ${option} 不带值。`);
    throw new ArgsError(`不认识的参数：${option || message}。运行 final-accounts --help 查看用法。`);
  }
  const flags = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined || value === false) continue;
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    flags.set(`--${name}`, values);
    const short = (OPTIONS as Record<string, OptionDef>)[name]?.short;
    if (short) flags.set(`-${short}`, values);
  }
  return { command, positionals: parsed.positionals, flags };
}

/** The last value given for any of `names` (`-o` or `--out`). */
export function flag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.flags.get(n);
    if (v) return v[v.length - 1];
  }
  return undefined;
}
