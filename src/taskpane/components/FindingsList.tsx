// The findings as src/app/findings-presentation.ts presents them: the summary line, filters by severity and by
// table, then each table's findings by severity. Arrow keys move through the findings (one tab stop for the
// list), Enter or a click jumps to the finding's cell.
import { Badge, Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { presentedInOrder, presentFindings, type PresentedFinding, type PresentOptions } from '../../app/findings-presentation';
import type { CellRef } from '../../core/cells';
import { SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from '../../core/findings';
import type { CheckReport } from '../../core/report';
import { ReviewControls, type ReviewChoice } from './ReviewControls';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', tail: 'informative' };
const ALL = '';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  tableSelect: { minWidth: 0, maxWidth: '100%', flexGrow: 1 },
  group: { marginTop: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px', minWidth: 0 },
  rowBody: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: '2px', width: '100%', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  message: { fontWeight: tokens.fontWeightRegular },
  // Three equal columns in every row: the figures of one table line up under each other. The label sits
  // above its figure, so that a figure keeps its whole width at 320 px.
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    fontVariantNumeric: 'tabular-nums',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
  },
  figure: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', textAlign: 'right', overflowWrap: 'anywhere', minWidth: 0 },
  figureLabel: { color: tokens.colorNeutralForeground2 },
  status: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground2 },
  // Explained or dismissed: greyed, the reason beside it.
  settled: { opacity: 0.55 },
});

export interface FindingsListProps {
  report: CheckReport | null;
  onJump: (cell: CellRef) => void;
  disabled?: boolean;
  /** #16: the officer's status of a finding (已说明 / 误报), rendered under it when given. */
  statusOf?: PresentOptions['statusOf'];
  /** Sets a finding's review status (absent: no controls; the status is then a line under the finding). */
  onStatus?: (id: string, status: ReviewChoice, reason: string) => void;
}

function FindingRow(props: {
  f: PresentedFinding;
  tabIndex: number;
  disabled: boolean;
  onJump: (cell: CellRef) => void;
  onFocus: () => void;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onStatus?: (id: string, status: ReviewChoice, reason: string) => void;
}) {
  const { f, tabIndex, disabled, onJump, onFocus, buttonRef, onStatus } = props;
  const styles = useStyles();
  const review = f.status?.review;
  const settled = review?.status === 'explained' || review?.status === 'dismissed';
  const controls = onStatus && review;
  return (
    <li className={settled ? styles.settled : undefined}>
      <Button
        ref={buttonRef}
        appearance="subtle"
        className={styles.row}
        tabIndex={tabIndex}
        // Focusable even when it cannot jump, so the arrow keys pass through every finding.
        disabledFocusable={disabled || !f.cell}
        onFocus={onFocus}
        onClick={() => f.cell && onJump(f.cell)}
        title={`规则 ${f.rule}：${f.title}${f.allAddresses ? `\n${f.cell ? '跳到 ' : ''}${f.allAddresses}` : ''}`}
        data-rule={f.rule}
        data-key={f.key}
      >
        <span className={styles.rowBody}>
          <span>
            <Badge color={SEVERITY_COLOR[f.severity]} size="small">
              {f.severityLabel}
            </Badge>{' '}
            <span className={styles.title}>{f.title}</span>
          </span>
          <span className={styles.message}>{f.message}</span>
          {f.addresses && <span className={styles.where}>{f.addresses}</span>}
          {f.figures && (
            <span className={styles.figures} data-testid="figures">
              <span className={styles.figure}>
                <span className={styles.figureLabel}>应为</span>
                <span>{f.figures.expected}</span>
              </span>
              <span className={styles.figure}>
                <span className={styles.figureLabel}>实为</span>
                <span>{f.figures.actual}</span>
              </span>
              <span className={styles.figure}>
                <span className={styles.figureLabel}>差额{f.figures.unit && `（${f.figures.unit}）`}</span>
                <span>{f.figures.difference}</span>
              </span>
            </span>
          )}
          {f.lastYear && <span className={styles.where}>上年数：{f.lastYear}</span>}
          {f.status && !controls && (
            <span className={styles.status}>
              {f.status.label}
              {f.status.reason ? `：${f.status.reason}` : ''}
            </span>
          )}
        </span>
      </Button>
      {controls && (
        <ReviewControls
          key={`${review.id}:${review.status}:${f.status?.reason ?? ''}`}
          id={review.id}
          status={f.status!}
          disabled={disabled}
          onStatus={onStatus}
        />
      )}
    </li>
  );
}

export function FindingsList({ report, onJump, disabled = false, statusOf, onStatus }: FindingsListProps) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<Severity | typeof ALL>(ALL);
  const [table, setTable] = useState<string>(ALL);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const whole = useMemo(() => (report ? presentFindings(report, { statusOf }) : null), [report, statusOf]);
  // A table picked for an earlier report that this one does not have falls back to all tables.
  const shownTable = whole?.tables.some((t) => t.table === table) ? table : ALL;
  const presentation = useMemo(
    () =>
      report
        ? presentFindings(report, { statusOf, filter: { severities: severity ? [severity] : [], tables: shownTable ? [shownTable] : [] } })
        : null,
    [report, statusOf, severity, shownTable],
  );
  const order = useMemo(() => (presentation ? presentedInOrder(presentation) : []), [presentation]);
  if (!whole || !presentation || whole.total === 0) return null;

  // One tab stop: the finding last focused, else the first; the arrow keys move between them.
  const current = order.find((f) => f.key === activeKey)?.key ?? order[0]?.key;
  const move = (e: KeyboardEvent) => {
    const i = order.findIndex((f) => f.key === current);
    const next =
      e.key === 'ArrowDown'
        ? Math.min(i + 1, order.length - 1)
        : e.key === 'ArrowUp'
          ? Math.max(i - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? order.length - 1
              : null;
    if (next === null || i < 0) return;
    e.preventDefault();
    const key = order[next].key;
    setActiveKey(key);
    buttons.current.get(key)?.focus();
  };

  return (
    <section aria-label="检查结果" className={styles.root}>
      <Text weight="semibold" role="status">
        {whole.summaryText}
      </Text>
      <div className={styles.filters} role="group" aria-label="按严重程度筛选">
        <Button size="small" appearance={severity === ALL ? 'primary' : 'secondary'} aria-pressed={severity === ALL} onClick={() => setSeverity(ALL)}>
          全部
        </Button>
        {SEVERITY_ORDER.map((s) => (
          <Button
            key={s}
            size="small"
            appearance={severity === s ? 'primary' : 'secondary'}
            aria-pressed={severity === s}
            disabled={whole.summary[s] === 0}
            onClick={() => setSeverity(s)}
          >
            {SEVERITY_LABEL[s]} {whole.summary[s]}
          </Button>
        ))}
      </div>
      <Select className={styles.tableSelect} aria-label="按表筛选" value={shownTable} onChange={(_, d) => setTable(d.value)} size="small">
        <option value={ALL}>全部表（{whole.total} 项）</option>
        {whole.tables.map((t) => (
          <option key={t.table} value={t.table}>
            {t.heading}（{t.count} 项）
          </option>
        ))}
      </Select>
      {presentation.shown === 0 && <Text className={styles.empty}>没有符合筛选条件的问题。</Text>}
      <div onKeyDown={move}>
        {presentation.groups.map((g) => (
          <div key={g.table} className={styles.group} role="group" aria-label={g.heading}>
            <div className={styles.header}>
              <Text weight="semibold">{g.heading}</Text>
              {SEVERITY_ORDER.map(
                (s) =>
                  g.counts[s] > 0 && (
                    <Badge key={s} color={SEVERITY_COLOR[s]} appearance="tint">
                      {SEVERITY_LABEL[s]} {g.counts[s]}
                    </Badge>
                  ),
              )}
            </div>
            {g.sheet && g.sheet !== g.heading && (
              <Text size={200} className={styles.where}>
                工作表“{g.sheet}”
              </Text>
            )}
            {g.bySeverity.map((s) => (
              <ul key={s.severity} className={styles.list} aria-label={`${g.heading} ${s.label}`}>
                {s.findings.map((f) => (
                  <FindingRow
                    key={f.key}
                    f={f}
                    tabIndex={f.key === current ? 0 : -1}
                    disabled={disabled}
                    onJump={onJump}
                    onStatus={onStatus}
                    onFocus={() => setActiveKey(f.key)}
                    buttonRef={(el) => {
                      if (el) buttons.current.set(f.key, el);
                      else buttons.current.delete(f.key);
                    }}
                  />
                ))}
              </ul>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
