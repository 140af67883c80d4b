// The commands of `final-accounts` and their help, in one table. To add a command: an entry in COMMANDS
// (name, usage lines, what it does, its options), its handler in main.ts's HANDLERS, and any new option in
// args.ts's OPTIONS. `final-accounts --help` and `final-accounts <command> --help` are built from here.
import { OPTIONS, type OptionDef, type OptionName } from './args';
import { displayWidth, padDisplay } from './terminal-text';

export interface CommandOption {
  name: OptionName;
  /** What the option does for this command, when it differs from OPTIONS' general text. */
  help?: string;
}

export interface CommandDef {
  name: string;
  /** One line each: `final-accounts check <文件.xlsx> …`. */
  usage: string[];
  /** One line for the command list. */
  summary: string;
  /** More lines for `<command> --help`. */
  details?: string[];
  options: CommandOption[];
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionName[] = ['max-size', 'verbose', 'help'];

export const COMMANDS: CommandDef[] = [
  {
    name: 'check',
    usage: [
      'final-accounts check <文件.xlsx> [--profile 格式] [--json] [--marked 输出.xlsx] [--narrative 情况说明.docx|.txt] [--last-year 上年.xlsx] [--change-threshold 百分比,万元] [--user 姓名] [--rubric 评分规则] [--rubric-setting 键=值 …] [--timeout 秒]',
      'final-accounts check <文件夹> [-o 汇总文件夹] [--workers N] [--timeout 秒] [--quiet]',
    ],
    summary: '检查九张公开表（表内、表间、科目）和绩效自评表，列出每个问题及其单元格。',
    details: [
      '每个错误和提示有一个编号（--json 中的 id）；已说明或标为误报的问题在复查时仍显示其说明（见 explain、report）。',
      '指定文件夹时批量检查其中每个 .xlsx（多线程）；某个文件出错只报告该文件，不中断其余文件。',
      '汇总表（文件类型、单位、年度、错误、提示、尾差、绩效总分问题）写入 -o 指定的文件夹，未指定时写入当前文件夹（不写入被检查的文件夹）：批量检查汇总.csv 及同名 .json。',
    ],
    options: [
      { name: 'profile' },
      { name: 'json' },
      { name: 'marked' },
      { name: 'narrative' },
      {
        name: 'last-year',
        help: '上年的九张公开表或底稿：核对年初结转和结余 = 上年年末数，列出变动较大的科目和“三公”经费、新增或不再列示的项',
      },
      { name: 'change-threshold' },
      { name: 'user' },
      { name: 'rubric' },
      { name: 'rubric-setting' },
      { name: 'timeout' },
      { name: 'out', help: '批量检查时汇总文件写入的文件夹（默认当前文件夹）' },
      { name: 'workers' },
      { name: 'quiet' },
    ],
  },
  {
    name: 'explain',
    usage: [
      'final-accounts explain <文件.xlsx> <问题编号> --status explained|dismissed|open --reason "原因" -o <输出.xlsx>',
      'final-accounts explain <文件.xlsx> --csv <说明.csv> -o <输出.xlsx>',
    ],
    summary: '记录对问题的处理：explained 已说明、dismissed 误报（都须写明原因）、open 恢复为待处理。',
    details: [
      '问题编号见 check --json 输出中的 id；--csv 为 id,status,reason 三列的清单。',
      '审核记录保存在输出工作簿中（随文件携带），原文件不变。',
    ],
    options: [
      { name: 'out', help: '写入审核记录的输出工作簿（不能是输入文件或已有文件）' },
      { name: 'status' },
      { name: 'reason' },
      { name: 'csv' },
      { name: 'user' },
      { name: 'profile' },
      { name: 'last-year' },
      { name: 'change-threshold' },
      { name: 'narrative' },
    ],
  },
  {
    name: 'report',
    usage: ['final-accounts report <文件.xlsx> -o <审核说明.xlsx>'],
    summary: '写出“审核说明”表：每个错误和提示的状态、原因和单元格，供报送财政审核时附上。',
    options: [
      { name: 'out', help: '审核说明工作簿（不能是已有文件）' },
      { name: 'user' },
      { name: 'profile' },
      { name: 'last-year' },
      { name: 'change-threshold' },
      { name: 'narrative' },
    ],
  },
  {
    name: 'generate',
    usage: [
      'final-accounts generate <输入.xlsx> -o <输出.xlsx> [--profile 格式] [--timeout 秒]',
      'final-accounts generate <文件夹> -o <输出文件夹> [--workers N] [--timeout 秒] [--quiet]',
    ],
    summary: '由底稿（或已有的九张表）生成九张公开表，加到输出文件的新工作表中；不覆盖任何已有工作表。',
    details: ['指定文件夹时批量生成，每个文件写成 <输出文件夹>/<原名>-公开表.xlsx，汇总写入 批量生成汇总.csv 及同名 .json。'],
    options: [
      { name: 'out', help: '输出文件（批量时为输出文件夹，不能是输入文件夹）' },
      { name: 'profile' },
      { name: 'timeout' },
      { name: 'workers' },
      { name: 'quiet' },
    ],
  },
  {
    name: 'narrative',
    usage: ['final-accounts narrative <文件.xlsx> [--last-year 上年.xlsx] -o <情况说明.docx>'],
    summary: '由底稿（或已有的九张表）起草情况说明（草稿），写成新的 .docx。',
    details: ['上年数用于“较上年”的句子；数字无法说明的原因以【请填写…】标出，请逐一补充。'],
    options: [{ name: 'out', help: '输出的 Word 文档（.docx）' }, { name: 'last-year' }, { name: 'profile' }],
  },
  {
    name: 'template',
    usage: ['final-accounts template -o <底稿.xlsx>'],
    summary: '写出一份空白底稿（含填写说明）。',
    options: [{ name: 'out', help: '底稿文件名（不能是已有文件）' }],
  },
];

export function commandByName(name: string | null): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name);
}

const EXIT_CODES = [
  '退出码（check、explain、report）：0 可以公开（没有待处理的错误，所有提示均已说明或标为误报）；',
  '  1 有待处理的错误；3 没有待处理的错误，但有提示尚未说明；2 文件无法读取或参数错误。',
  '  （generate、narrative：0 成功；1 有错误。批量检查：0 没有错误；1 有错误；2 有文件无法处理。）',
].join('\n');

function optionLabel(name: OptionName): string {
  const o: OptionDef = OPTIONS[name];
  const long = `--${name}${o.value ? ` <${o.value}>` : ''}`;
  return o.short ? `-${o.short}, ${long}` : long;
}

/** Option lines: the label, then its text aligned (continuation lines indented to the text). */
function optionLines(options: CommandOption[]): string[] {
  const labels = options.map((o) => optionLabel(o.name));
  const width = Math.max(...labels.map(displayWidth)) + 2;
  return options.flatMap((o, i) => {
    const [first, ...more] = (o.help ?? OPTIONS[o.name].help).split('\n');
    return [`  ${padDisplay(labels[i], width)}${first}`, ...more.map((m) => `  ${' '.repeat(width)}${m}`)];
  });
}

/** What every help ends with: the options common to all commands, then the exit codes. */
function commonTail(): string[] {
  return ['', '通用参数：', ...optionLines(COMMON_OPTIONS.map((name) => ({ name }))), '', EXIT_CODES];
}

/** `final-accounts --help`: every command with its usage and summary, and the common options. */
export function generalHelp(version: string): string {
  return [
    `决算公开助手 final-accounts ${version}`,
    '',
    '用法：',
    ...COMMANDS.flatMap((c) => [...c.usage.map((u) => `  ${u}`), `      ${c.summary}`]),
    '  final-accounts <命令> --help     查看某个命令的全部参数',
    '  final-accounts --version         显示版本号',
    ...commonTail(),
  ].join('\n');
}

/** `final-accounts <command> --help`: its usage, what it does, and every option it takes. */
export function commandHelp(c: CommandDef): string {
  return [
    '用法：',
    ...c.usage.map((u) => `  ${u}`),
    '',
    c.summary,
    ...(c.details ?? []),
    '',
    '参数：',
    ...optionLines(c.options),
    ...commonTail(),
  ].join('\n');
}
