// Read-only preview of the workbook's sheets: values, merges, the cells the last check marked (coloured by
// severity, the messages as tooltips), and the cell a finding jumps to, scrolled into view and outlined.
import { Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { refText } from '../../core/cells';
import { SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from '../../core/findings';
import { groupMarksByCell, MARK_FILL } from '../../port/port';
import { gridModel, GRID_MAX_COLS, GRID_MAX_ROWS } from '../grid-model';
import type { PageWorkbookPort } from '../page-port';

const css = (argb: string) => `#${argb.slice(2)}`;
/** A darker edge of each mark colour, so a mark is seen without relying on the fill alone. */
const MARK_EDGE: Record<Severity, string> = { error: '#C00000', warning: '#9C6500', tail: '#2F5597' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, flexGrow: 1 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  select: { minWidth: '0', maxWidth: '100%', flexGrow: 1 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  key: { display: 'inline-flex', alignItems: 'center', gap: '4px', color: tokens.colorNeutralForeground1 },
  swatch: { width: '14px', height: '14px', display: 'inline-block', boxSizing: 'border-box' },
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    maxHeight: '70vh',
    minHeight: '200px',
    backgroundColor: '#FFFFFF',
    '@media (min-width: 720px)': { maxHeight: 'none', flexGrow: 1 },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: '12px', lineHeight: '18px', color: '#1F1F1F' },
  th: {
    position: 'sticky',
    backgroundColor: '#F0F0F0',
    color: '#424242',
    fontWeight: 'normal',
    borderRight: '1px solid #D1D1D1',
    borderBottom: '1px solid #D1D1D1',
    padding: '0 4px',
    zIndex: 1,
  },
  colHead: { top: 0, textAlign: 'center', minWidth: '48px' },
  rowHead: { left: 0, textAlign: 'right', minWidth: '32px' },
  corner: { top: 0, left: 0, zIndex: 2 },
  td: {
    borderRight: '1px solid #E6E6E6',
    borderBottom: '1px solid #E6E6E6',
    padding: '1px 4px',
    maxWidth: '22em',
    minWidth: '3em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    verticalAlign: 'middle',
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  error: { backgroundColor: css(MARK_FILL.error), boxShadow: `inset 3px 0 0 ${MARK_EDGE.error}` },
  warning: { backgroundColor: css(MARK_FILL.warning), boxShadow: `inset 3px 0 0 ${MARK_EDGE.warning}` },
  tail: { backgroundColor: css(MARK_FILL.tail), boxShadow: `inset 3px 0 0 ${MARK_EDGE.tail}` },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-3px' },
  muted: { color: tokens.colorNeutralForeground2 },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Tab {
  key: string;
  label: string;
  generated: boolean;
}

export function SheetGrid({ port }: { port: PageWorkbookPort }) {
  const styles = useStyles();
  const view = useSyncExternalStore(port.subscribe, port.getView);
  const markCount = useMemo(() => {
    const n = new Map<string, number>();
    for (const c of groupMarksByCell(view.marks)) n.set(c.sheet, (n.get(c.sheet) ?? 0) + 1);
    return n;
  }, [view.marks]);
  const tabs: Tab[] = [
    ...view.sheets.map((s) => {
      const n = markCount.get(s.name) ?? 0;
      return { key: `o:${s.name}`, label: n ? `${s.name}（${n} 处标记）` : s.name, generated: false };
    }),
    ...view.generated.map((s) => ({ key: `g:${s.name}`, label: `【新生成】${s.name}`, generated: true })),
  ];
  const [active, setActive] = useState(tabs[0]?.key ?? '');
  const scroller = useRef<HTMLDivElement>(null);

  // A finding was clicked: show its sheet (the effect below scrolls once the sheet is drawn). Generation
  // finished: show the first new table. Both follow the port's view, so the tab is adjusted while rendering
  // when the view moves on, not in an effect that would render twice.
  const firstGenerated = view.generated[0]?.name;
  const [seen, setSeen] = useState<{
    selectCount: number;
    selected: typeof view.selected;
    result: typeof view.result;
    firstGenerated?: string;
  } | null>(null);
  const selectMoved = seen === null || seen.selectCount !== view.selectCount || seen.selected !== view.selected;
  const generatedMoved = seen === null || seen.result !== view.result || seen.firstGenerated !== firstGenerated;
  if (selectMoved || generatedMoved) {
    setSeen({ selectCount: view.selectCount, selected: view.selected, result: view.result, firstGenerated });
    let next = active;
    if (selectMoved && view.selected) next = `o:${view.selected.sheet}`;
    if (generatedMoved && view.result && firstGenerated) next = `g:${firstGenerated}`;
    if (next !== active) setActive(next);
  }

  const sheet = active.startsWith('g:') ? view.generated.find((s) => `g:${s.name}` === active) : view.sheets.find((s) => `o:${s.name}` === active);
  const model = useMemo(() => (sheet ? gridModel(sheet, active.startsWith('o:') ? view.marks : []) : null), [sheet, active, view.marks]);
  const selectedHere = view.selected && `o:${view.selected.sheet}` === active ? view.selected : null;

  useEffect(() => {
    if (!selectedHere || !scroller.current) return;
    const td = scroller.current.querySelector<HTMLElement>(`td[data-row="${selectedHere.row}"][data-col="${selectedHere.col}"]`);
    td?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [view.selectCount, selectedHere, model]);

  if (tabs.length === 0) return <Text>这个工作簿没有工作表。</Text>;
  return (
    <section className={styles.root} aria-label="工作表预览">
      <div className={styles.bar}>
        <label htmlFor="sheet-select">
          <Text weight="semibold">工作表</Text>
        </label>
        <Select id="sheet-select" className={styles.select} value={active} onChange={(_, d) => setActive(d.value)}>
          {tabs.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.legend} aria-label="标记颜色说明">
        {SEVERITY_ORDER.map((s) => (
          <span key={s} className={styles.key}>
            <span className={mergeClasses(styles.swatch, styles[s])} aria-hidden="true" />
            {SEVERITY_LABEL[s]}
          </span>
        ))}
        <Text size={200} className={styles.muted}>
          只读预览；鼠标停在标色的单元格上可看到问题说明。
        </Text>
      </div>
      <div className={styles.live} aria-live="polite">
        {selectedHere ? `已定位到 ${refText(selectedHere)}` : ''}
      </div>
      <div
        className={styles.scroller}
        ref={scroller}
        tabIndex={0}
        aria-label={model ? `${model.name}（只读）` : undefined}
        data-testid="grid-scroller"
      >
        {model && (
          <table className={styles.table} data-sheet={model.name}>
            <thead>
              <tr>
                <th className={mergeClasses(styles.th, styles.corner)} scope="col" aria-label="行号" />
                {model.columns.map((c) => (
                  <th key={c} className={mergeClasses(styles.th, styles.colHead)} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((r) => (
                <tr key={r.row}>
                  <th className={mergeClasses(styles.th, styles.rowHead)} scope="row">
                    {r.row + 1}
                  </th>
                  {r.cells.map((c) => {
                    const isSelected = !!selectedHere && selectedHere.row === c.row && selectedHere.col === c.col;
                    return (
                      <td
                        key={c.col}
                        rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                        colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                        className={mergeClasses(
                          styles.td,
                          c.numeric && styles.num,
                          c.mark ? styles[c.mark] : undefined,
                          isSelected && styles.selected,
                        )}
                        data-row={c.row}
                        data-col={c.col}
                        data-address={c.address}
                        data-mark={c.mark ?? undefined}
                        data-selected={isSelected ? 'true' : undefined}
                        title={c.note ? `${c.address}：${c.text}\n${c.note}` : c.text.length > 12 ? c.text : undefined}
                      >
                        {c.text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {model?.truncated && (
        <Text size={200} className={styles.muted}>
          只显示前 {GRID_MAX_ROWS} 行、前 {GRID_MAX_COLS} 列。
        </Text>
      )}
    </section>
  );
}
