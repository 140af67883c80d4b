// 支出功能分类科目 (functional classification of expenditure).
//
// Sources (docs/domain.md#functional-classification; the facts are kept in the project, nothing reads
// outside it at run time):
// - the 类 names and their order in the 公开 list: the Shanghai 2024 部门决算模板 and the published
//   2024 documents (Shanghai 普陀区, Fuzhou 工信局); the 26-row list is the one printed by the Fuzhou
//   reference and by Shanghai 财政局/社会工作部, the 24-row list (no 债务还本/付息) by Shanghai 规划资源局;
// - the 类 codes: confirmed by data for 201/205/207/208/210/212/215/220/221/229 and recalled for the
//   rest (recalled, see docs/domain.md#functional-classification; verify against the 2024 《政府收支分类科目》);
// - the 款/项 codes and names: those printed in the reference documents (Fuzhou tables and
//   情况说明, the three Shanghai documents) and a few other 款/项 seen in published documents.
// The catalog is not the complete official list: an unknown but well-formed code is not an error.

export interface FunctionalClass {
  code: string;
  name: string;
  /** Chinese ordinal printed before the name in 01/04 (一、二、…). */
  ordinal: string;
}

const ORDINALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
  '二十五',
  '二十六',
];

const CLASSES_26: Array<[string, string]> = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['229', '其他支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['234', '抗疫特别国债安排的支出'],
];

function numbered(list: Array<[string, string]>): FunctionalClass[] {
  return list.map(([code, name], i) => ({ code, name, ordinal: ORDINALS[i] }));
}

/**
 * The 23 类 of the 2018 classification, in the order the 2018 ten-table 部门决算 prints them in 01/04 (no codes
 * printed; docs/domain.md#functional-classification). Four names differ from today's (FORMER_CLASS_NAMES); 223,
 * 224 and 234 did not exist.
 */
const CLASSES_2018: Array<[string, string]> = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '医疗卫生与计划生育支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '国土海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['229', '其他支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
];

/** A 类 list by its catalog: `26`/`24` the 2024 公开 lists (with or without 债务还本/付息), `2018` the 2018 one. */
export type ClassListId = '26' | '24' | '2018';

/** The 类 rows of 01表/04表, in 公开 order. */
export const CLASS_LISTS: Record<ClassListId, FunctionalClass[]> = {
  '26': numbered(CLASSES_26),
  '24': numbered(CLASSES_26.filter(([code]) => code !== '231' && code !== '232')),
  '2018': numbered(CLASSES_2018),
};

/** The catalog year of a 类 list (a profile names its lists, hence its year). */
export const CLASS_LIST_YEAR: Record<ClassListId, number> = { '26': 2024, '24': 2024, '2018': 2018 };

/** 类 that exist in the classification but are not rows of the 公开 list. */
const OTHER_CLASSES: Array<[string, string]> = [
  ['209', '社会保险基金支出'],
  ['227', '预备费'],
  ['230', '转移性支出'],
  ['233', '债务发行费用支出'],
];

export const CLASS_NAMES: ReadonlyMap<string, string> = new Map([...CLASSES_26, ...OTHER_CLASSES]);

/**
 * Former names of 类 renamed since (the 2018 classification, as printed in the 2018 ten-table 部门决算;
 * docs/domain.md#functional-classification): a row printed under its old name is the same 类.
 */
export const FORMER_CLASS_NAMES: ReadonlyMap<string, string[]> = new Map([
  ['207', ['文化体育与传媒支出']],
  ['210', ['医疗卫生与计划生育支出']],
  ['215', ['资源勘探信息等支出']],
  ['220', ['国土海洋气象等支出']],
]);

/**
 * Names a code had in the 2018 classification (as printed in the 2018 department set; economic codes in
 * economic.ts): accepted where the profile's catalog year is before 2019, a 提示 otherwise.
 */
export const NAMES_2018: ReadonlyMap<string, string[]> = new Map([
  ...FORMER_CLASS_NAMES,
  ['20805', ['行政事业单位离退休']],
  ['22001', ['国土资源事务']],
  // Economic classification (经济分类): 06 明细表 prints 对企业补贴, 07 对企业补助.
  ['312', ['对企业补贴']],
]);

/** 款 and 项 seen in the reference documents, with their official names. */
export const KNOWN_CODES: ReadonlyMap<string, string> = new Map([
  ['20106', '财政事务'],
  ['2010601', '行政运行'],
  ['2010602', '一般行政管理事务'],
  ['2010607', '信息化建设'],
  ['2010608', '财政委托业务支出'],
  ['20111', '纪检监察事务'],
  ['2011101', '行政运行'],
  ['20113', '商贸事务'],
  ['2011301', '行政运行'],
  ['2011302', '一般行政管理事务'],
  ['20129', '群众团体事务'],
  ['2012902', '一般行政管理事务'],
  ['20132', '组织事务'],
  ['2013202', '一般行政管理事务'],
  ['20139', '社会工作事务'],
  ['2013901', '行政运行'],
  ['2013950', '事业运行'],
  ['2013999', '其他社会工作事务支出'],
  ['20199', '其他一般公共服务支出'],
  ['2019999', '其他一般公共服务支出'],
  ['20502', '普通教育'],
  ['2050201', '学前教育'],
  ['2050203', '初中教育'],
  ['2050205', '高等教育'],
  ['20599', '其他教育支出'],
  ['2059999', '其他教育支出'],
  ['20605', '科技条件与服务'],
  ['2060503', '科技条件专项'],
  ['20799', '其他文化旅游体育与传媒支出'],
  ['20801', '人力资源和社会保障管理事务'],
  ['2080110', '劳动关系和维权'],
  ['2080116', '引进人才费用'],
  ['2080199', '其他人力资源和社会保障管理事务支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080501', '行政单位离退休'],
  ['2080502', '事业单位离退休'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['2080599', '其他行政事业单位养老支出'],
  ['20806', '企业改革补助'],
  ['2080601', '企业关闭破产补助'],
  ['20808', '抚恤'],
  ['2080801', '死亡抚恤'],
  ['20809', '退役安置'],
  ['2080901', '退役士兵安置'],
  ['21004', '公共卫生'],
  ['2100410', '突发公共卫生事件应急处置'],
  ['21007', '计划生育事务'],
  ['2100717', '计划生育服务'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['21099', '其他卫生健康支出'],
  ['2109999', '其他卫生健康支出'],
  ['21110', '能源节约利用'],
  ['2111001', '能源节约利用'],
  ['21201', '城乡社区管理事务'],
  ['2120101', '行政运行'],
  ['2120102', '一般行政管理事务'],
  ['21202', '城乡社区规划与管理'],
  ['2120201', '城乡社区规划与管理'],
  ['21502', '制造业'],
  ['2150210', '工艺品及其他制造业'],
  ['21505', '工业和信息产业监管'],
  ['2150517', '产业发展'],
  ['21508', '支持中小企业发展和管理支出'],
  ['2150805', '中小企业发展专项'],
  ['21599', '其他资源勘探工业信息等支出'],
  ['2159904', '技术改造支出'],
  ['2159999', '其他资源勘探工业信息等支出'],
  ['22001', '自然资源事务'],
  ['2200150', '事业运行'],
  ['2200199', '其他自然资源事务支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
  ['2210203', '购房补贴'],
  ['22999', '其他支出'],
  ['2299999', '其他支出'],
]);

export type CodeShapeProblem = 'shape' | 'unknownClass' | 'parent';

/** Shape rules: 类 3 digits, 款 = 类 + 2, 项 = 款 + 2; the 类 must exist. */
export function codeShapeProblem(code: string): CodeShapeProblem | null {
  const n = code.length;
  if (n !== 3 && n !== 5 && n !== 7) return 'shape';
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(i);
    if (d < 48 || d > 57) return 'shape';
  }
  if (!CLASS_NAMES.has(n === 3 ? code : code.slice(0, 3))) return 'unknownClass';
  return null;
}

export function knownName(code: string): string | undefined {
  return code.length === 3 ? CLASS_NAMES.get(code) : KNOWN_CODES.get(code);
}
