// The findings, grouped by table and severity, with counts; each row jumps to its cell.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef } from '../../core/cells';
import { SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from '../../core/findings';
import type { FindingGroup } from '../findings-view';
import { ReviewControls, type ReviewChoice } from './ReviewControls';

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', tail: 'informative' };

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px' },
  rowBody: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  where: { color: tokens.colorNeutralForeground3 },
  // Explained or dismissed: greyed, the reason beside it.
  settled: { opacity: 0.55 },
});

export interface FindingsListProps {
  groups: FindingGroup[];
  onJump: (cell: CellRef) => void;
  disabled?: boolean;
  /** Sets a finding's review status (absent: no controls). */
  onStatus?: (id: string, status: ReviewChoice, reason: string) => void;
}

export function FindingsList({ groups, onJump, disabled, onStatus }: FindingsListProps) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  return (
    <section aria-label="检查结果">
      {groups.map((g) => (
        <div key={g.key} className={styles.group} role="group" aria-label={g.label}>
          <div className={styles.header}>
            <Text weight="semibold">{g.label}</Text>
            {SEVERITY_ORDER.map(
              (s) =>
                g.counts[s] > 0 && (
                  <Badge key={s} color={SEVERITY_COLOR[s]} appearance="tint">
                    {SEVERITY_LABEL[s]} {g.counts[s]}
                  </Badge>
                ),
            )}
          </div>
          {g.bySeverity.map((s) => (
            <ul key={s.severity} className={styles.list} aria-label={`${g.label} ${s.label}`}>
              {s.rows.map((row) => (
                <li key={row.key} className={row.status === 'explained' || row.status === 'dismissed' ? styles.settled : undefined}>
                  <Button
                    appearance="subtle"
                    className={styles.row}
                    disabled={disabled || !row.cell}
                    onClick={() => row.cell && onJump(row.cell)}
                    title={row.cell ? `跳到 ${row.cellText}` : undefined}
                  >
                    <span className={styles.rowBody}>
                      <span>
                        <Badge color={SEVERITY_COLOR[row.severity]} size="small">
                          {row.severityLabel}
                        </Badge>{' '}
                        {row.message}
                      </span>
                      {row.cellText && <span className={styles.where}>{row.cellText}</span>}
                      {row.lastYear && <span className={styles.where}>上年数：{row.lastYear}</span>}
                    </span>
                  </Button>
                  {onStatus && (
                    <ReviewControls key={`${row.id}:${row.status}:${row.reason ?? ''}`} row={row} disabled={disabled} onStatus={onStatus} />
                  )}
                </li>
              ))}
            </ul>
          ))}
        </div>
      ))}
    </section>
  );
}
