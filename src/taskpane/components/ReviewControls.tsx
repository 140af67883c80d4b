// Per-finding review controls (issue #16): the status, its reason, and buttons to explain (已说明), dismiss
// (误报, both with a reason typed here) or reopen (待处理). The reason is kept exactly as typed.
import { Badge, Button, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FindingStatus } from '../../app/findings-presentation';

export type ReviewChoice = 'explained' | 'dismissed' | 'open';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '4px', paddingLeft: tokens.spacingHorizontalM, paddingBottom: '4px' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground3 },
});

export interface ReviewControlsProps {
  /** The finding's id. */
  id: string;
  /** Its status as presented (app/review.ts reviewStatusOf). */
  status: FindingStatus;
  disabled?: boolean;
  onStatus: (id: string, status: ReviewChoice, reason: string) => void;
}

export function ReviewControls({ id, status, disabled, onStatus }: ReviewControlsProps) {
  const styles = useStyles();
  const done = status.review?.status === 'explained' || status.review?.status === 'dismissed';
  const [editing, setEditing] = useState<'explained' | 'dismissed' | null>(null);
  // An explanation to edit starts from its reason; a lapsed one (数字已变动) from empty.
  const [reason, setReason] = useState(done ? (status.reason ?? '') : '');
  return (
    <div className={styles.box}>
      <div className={styles.line}>
        <Badge appearance={done ? 'tint' : 'outline'} color={done ? 'success' : 'informative'} size="small">
          {status.label}
        </Badge>
        {status.reason && <span className={styles.reason}>{status.reason}</span>}
        {!editing && (
          <>
            <Button size="small" appearance="transparent" disabled={disabled} onClick={() => setEditing('explained')}>
              说明原因
            </Button>
            <Button size="small" appearance="transparent" disabled={disabled} onClick={() => setEditing('dismissed')}>
              标为误报
            </Button>
            {done && (
              <Button size="small" appearance="transparent" disabled={disabled} onClick={() => onStatus(id, 'open', '')}>
                恢复待处理
              </Button>
            )}
          </>
        )}
      </div>
      {editing && (
        <div className={styles.line}>
          <Textarea
            aria-label={editing === 'explained' ? '说明原因' : '误报原因'}
            value={reason}
            onChange={(_, d) => setReason(d.value)}
            resize="vertical"
          />
          <Button
            size="small"
            appearance="primary"
            disabled={disabled || reason.trim() === ''}
            onClick={() => {
              onStatus(id, editing, reason);
              setEditing(null);
            }}
          >
            保存
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            取消
          </Button>
        </div>
      )}
    </div>
  );
}
