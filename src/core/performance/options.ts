// Rubric choice and settings: from CLI flags (`--rubric <id>`, `--rubric-setting key=value`) or the add-in.
import type { Formula, Tier } from './formulas';
import type { DisclosureRubric, ExecRateRule } from './rubric';
import { DISCLOSURE_2024_ID, PROPORTIONAL_EXEC_RATE, disclosure2024 } from './rubrics/disclosure-2024';
import { FUJIAN_2018_FORMS, type FujianFormId } from './rubrics/fujian-2018';

export interface PerformanceOptions {
  /** Rubric id: `gongkai-2024` (default) or a Fujian 2018 form (`fujian-2018-r17`, `fujian-2018-s17`, `fujian-2018-r18`). */
  rubric?: string;
  /** Rubric settings, e.g. { execRateRule: 'proportional' } or { execRateRule: 'tiered', execRateTiers: '90:10,80:8,0:0' }. */
  settings?: Record<string, unknown>;
}

export const RUBRIC_IDS = [DISCLOSURE_2024_ID, ...Object.keys(FUJIAN_2018_FORMS)];

/** A bad rubric option; the message is for the user (Chinese). */
export class RubricOptionError extends Error {}

const SETTINGS_HELP = '可用设置：execRateRule=none|proportional|tiered；execRateTiers=执行率下限:得分,…（如 90:10,80:8,60:6,0:0）；lteConvention=a|b';

/** `90:10,80:8,0:0` (rate ≥ 90% → 10 points …) → a tiered formula over ratio = rate ÷ 100. */
export function parseExecRateTiers(text: string): Formula {
  const pairs = text
    .split(/[,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const m = /^(\d+(?:\.\d+)?)%?[:：](\d+(?:\.\d+)?)$/.exec(pair);
      if (!m) throw new RubricOptionError(`执行率分档“${pair}”无法识别，应写成“执行率下限:得分”，如 90:10。`);
      return { from: Number(m[1]) / 100, score: Number(m[2]) };
    });
  if (pairs.length === 0) throw new RubricOptionError('执行率分档为空。' + SETTINGS_HELP);
  pairs.sort((a, b) => a.from - b.from);
  if (pairs[0].from > 0) pairs.unshift({ from: 0, score: 0 });
  const tiers: Tier[] = pairs.map((p, i) =>
    i + 1 < pairs.length ? { upTo: pairs[i + 1].from, upToExclusive: true, score: { constant: p.score } } : { score: { constant: p.score } },
  );
  return { type: 'tiered', tiers };
}

function execRateRuleOf(settings: Record<string, unknown>): ExecRateRule {
  const rule = String(settings.execRateRule ?? 'none');
  if (rule === 'none' || rule === '') return { kind: 'none' };
  if (rule === 'proportional') return PROPORTIONAL_EXEC_RATE;
  if (rule === 'tiered') {
    if (typeof settings.execRateTiers !== 'string') {
      throw new RubricOptionError('execRateRule=tiered 需要同时给出 execRateTiers，如 execRateTiers=90:10,80:8,60:6,0:0。');
    }
    return { kind: 'formula', label: `分档（${settings.execRateTiers}）`, formula: parseExecRateTiers(settings.execRateTiers) };
  }
  throw new RubricOptionError(`执行率评分规则“${rule}”无法识别。${SETTINGS_HELP}`);
}

/** The disclosure rubric for a workbook check, with its settings applied. */
export function disclosureRubric(options: PerformanceOptions = {}): DisclosureRubric {
  const settings = options.settings ?? {};
  const lte = String(settings.lteConvention ?? 'a');
  if (lte !== 'a' && lte !== 'b') throw new RubricOptionError(`lteConvention“${lte}”无法识别，应为 a 或 b。`);
  return disclosure2024(lte, execRateRuleOf(settings));
}

export function isFujianRubric(id: string | undefined): id is FujianFormId {
  return !!id && id in FUJIAN_2018_FORMS;
}

/** CLI helper: `--rubric <id>` and repeated `--rubric-setting key=value`. Throws RubricOptionError with a Chinese message. */
export function parseRubricOption(id?: string, settings: string[] = []): PerformanceOptions {
  const rubric = id?.trim() || DISCLOSURE_2024_ID;
  if (!RUBRIC_IDS.includes(rubric)) {
    throw new RubricOptionError(`评分规则“${rubric}”不存在。可选：${RUBRIC_IDS.join('、')}。`);
  }
  const parsed: Record<string, unknown> = {};
  for (const s of settings) {
    const m = /^\s*([A-Za-z]\w*)\s*=\s*(.*?)\s*$/.exec(s);
    if (!m) throw new RubricOptionError(`评分设置“${s}”应写成 key=value。${SETTINGS_HELP}`);
    parsed[m[1]] = m[2];
  }
  const known = new Set(['execRateRule', 'execRateTiers', 'lteConvention']);
  const unknown = Object.keys(parsed).filter((k) => !known.has(k));
  if (unknown.length) throw new RubricOptionError(`评分设置“${unknown.join('、')}”不存在。${SETTINGS_HELP}`);
  const options: PerformanceOptions = { rubric, settings: parsed };
  if (rubric === DISCLOSURE_2024_ID) disclosureRubric(options); // validates the settings now, not mid-check
  return options;
}
