// The workload sizes of the benchmarks and the batch tests.

export interface WorkloadSize {
  id: string;
  /** Chinese label for tables shown to users. */
  label: string;
  /** 项-level (7-digit) rows of 底稿1/底稿2. */
  items: number;
  /** 项目 绩效自评公开表 count; the 部门整体 table is added when `dept` is true. */
  projects: number;
  dept: boolean;
  /** Indicators per 项目 table. */
  indicators: number;
}

export const SIZES: Record<'small' | 'reference' | 'large' | 'consolidated', WorkloadSize> = {
  small: { id: 'small', label: '小单位', items: 20, projects: 3, dept: false, indicators: 6 },
  // Shaped like the Fuzhou 工信局 reference unit: 22 项 rows, 56 项目 tables + 部门整体.
  reference: { id: 'reference', label: '参考单位', items: 22, projects: 56, dept: true, indicators: 6 },
  large: { id: 'large', label: '大部门', items: 300, projects: 56, dept: true, indicators: 8 },
  consolidated: { id: 'consolidated', label: '汇总部门', items: 3000, projects: 200, dept: true, indicators: 8 },
};

export type SizeId = keyof typeof SIZES;
export const SIZE_IDS = Object.keys(SIZES) as SizeId[];
