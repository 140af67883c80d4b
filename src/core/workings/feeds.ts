// Which working-sheet figures feed which table figures (the leaves of the derivation); every other figure of
// the nine tables is computed from these by the declared identities (core/identities/solve.ts).
// Sources are working column keys of 底稿1/底稿2 (per 项 for coded tables, summed over all 项 for the ledger
// tables) and `carry.*` for the rows of 底稿6 (非财政拨款结转结余).
import type { ColKey, FixedRowKey } from '../keys';
import type { TableTopic } from '../model';

export type WorkingSource = string;

export interface TableFeeds {
  /** Coded tables: each column of a 项 row = Σ these working columns of that 项. */
  columns?: Partial<Record<ColKey, WorkingSource[]>>;
  /** Ledger tables: each fixed row's column = Σ these working figures of the whole unit. */
  rows?: Partial<Record<FixedRowKey, Partial<Record<ColKey, WorkingSource[]>>>>;
}

const FUNDS = ['gpb', 'gf', 'soe'] as const;

function fundFeeds(f: (typeof FUNDS)[number]): TableFeeds {
  return {
    columns: {
      carryIn: [`${f}.carryIn`],
      income: [`inc.${f}`],
      basic: [`${f}.basic`],
      project: [`${f}.project`],
      carryOut: [`${f}.carryOut`],
    },
  };
}

const amount = (...sources: WorkingSource[]) => ({ amount: sources });

export const WORKING_FEEDS: Partial<Record<TableTopic, TableFeeds>> = {
  summary: {
    rows: {
      'inc.gpb': amount('inc.gpb'),
      'inc.gf': amount('inc.gf'),
      'inc.soe': amount('inc.soe'),
      'inc.superior': amount('inc.superior'),
      'inc.business': amount('inc.business'),
      'inc.operating': amount('inc.operating'),
      'inc.affiliated': amount('inc.affiliated'),
      'inc.other': amount('inc.other'),
      'inc.useSurplus': amount('carry.useSurplus'),
      'inc.carryIn': amount(...FUNDS.map((f) => `${f}.carryIn`), 'carry.carryIn'),
      'exp.surplusDistribution': amount('carry.surplusDistribution'),
      'exp.carryOut': amount(...FUNDS.map((f) => `${f}.carryOut`), 'carry.carryOut'),
    },
  },
  fiscalSummary: {
    rows: {
      'inc.gpb': amount('inc.gpb'),
      'inc.gf': amount('inc.gf'),
      'inc.soe': amount('inc.soe'),
      'inc.carryIn.gpb': amount('gpb.carryIn'),
      'inc.carryIn.gf': amount('gf.carryIn'),
      'inc.carryIn.soe': amount('soe.carryIn'),
      'exp.carryOut': { gpb: ['gpb.carryOut'], gf: ['gf.carryOut'], soe: ['soe.carryOut'] },
    },
  },
  income: {
    columns: {
      fiscal: ['inc.gpb', 'inc.gf', 'inc.soe'],
      superior: ['inc.superior'],
      business: ['inc.business'],
      operating: ['inc.operating'],
      affiliated: ['inc.affiliated'],
      other: ['inc.other'],
    },
  },
  expenditure: {
    columns: {
      basic: ['exp.basic'],
      project: ['exp.project'],
      remit: ['exp.remit'],
      operating: ['exp.operating'],
      affiliated: ['exp.affiliated'],
    },
  },
  generalBudget: { columns: { basic: ['gpb.basic'], project: ['gpb.project'] } },
  govFund: fundFeeds('gf'),
  stateCapital: fundFeeds('soe'),
};
