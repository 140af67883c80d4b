// The 情况说明's figures as the check tied them: each with its text, subject, status and the cell it ties to;
// filtered by status; a click selects the cell (the table's, else the narrative's own).
import { Badge, Button, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { refText, type CellRef } from '../../core/cells';
import { figureCounts, type FigureResult, type FigureStatus } from '../../core/narrative';

export const FIGURE_STATUS_LABEL: Record<FigureStatus, string> = { ok: '一致', tail: '尾差', error: '错误', warning: '提示', unverified: '未核对' };
const STATUS_ORDER: FigureStatus[] = ['error', 'warning', 'tail', 'unverified', 'ok'];
const STATUS_COLOR: Record<FigureStatus, 'danger' | 'warning' | 'informative' | 'subtle' | 'success'> = {
  error: 'danger',
  warning: 'warning',
  tail: 'informative',
  unverified: 'subtle',
  ok: 'success',
};

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px' },
  rowBody: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  where: { color: tokens.colorNeutralForeground3 },
});

/** Where a click on a figure goes: the table cell it was tied to, else the narrative's own cell. */
function jumpCell(f: FigureResult): CellRef | null {
  return f.cells[0] ?? f.sentence.cell ?? null;
}

export interface NarrativeFiguresProps {
  figures: FigureResult[];
  onJump: (cell: CellRef) => void;
  disabled?: boolean;
}

export function NarrativeFigures({ figures, onJump, disabled }: NarrativeFiguresProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<FigureStatus | 'all'>('all');
  if (figures.length === 0) return null;
  const counts = figureCounts(figures);
  const shown = figures.map((f, i) => ({ f, i })).filter(({ f }) => filter === 'all' || f.status === filter);
  return (
    <section className={styles.root} aria-label="情况说明中的数字">
      <Text weight="semibold">
        情况说明中的数字：共 {figures.length} 个，已核对 {counts.checked} 个
      </Text>
      <div className={styles.filters} role="toolbar" aria-label="按状态筛选">
        <ToggleButton size="small" checked={filter === 'all'} onClick={() => setFilter('all')}>
          全部 {figures.length}
        </ToggleButton>
        {STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
          <ToggleButton key={s} size="small" checked={filter === s} onClick={() => setFilter(s)}>
            {FIGURE_STATUS_LABEL[s]} {counts[s]}
          </ToggleButton>
        ))}
      </div>
      {shown.length === 0 && <Text>没有该状态的数字。</Text>}
      <ul className={styles.list} aria-label="数字列表">
        {shown.map(({ f, i }) => {
          const cell = jumpCell(f);
          const tied = f.cells[0] ? `对应 ${refText(f.cells[0])}` : '未对应表格单元格';
          return (
            <li key={i}>
              <Button
                appearance="subtle"
                className={styles.row}
                disabled={disabled || !cell}
                onClick={() => cell && onJump(cell)}
                title={cell ? `跳到 ${refText(cell)}` : undefined}
              >
                <span className={styles.rowBody}>
                  <span>
                    <Badge color={STATUS_COLOR[f.status]} size="small">
                      {FIGURE_STATUS_LABEL[f.status]}
                    </Badge>{' '}
                    {f.text} · {f.subject ?? '（主题未能确定）'}
                  </span>
                  <span className={styles.where}>
                    第{f.sentence.paragraph}段 · {tied}
                    {f.note ? ` · ${f.note}` : ''}
                  </span>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
