// The 上年数 file picker (pane and page): the officer picks last year's nine tables or working sheets (.xlsx);
// the controller reads them through app/last-year.ts and keeps them for the check's 较上年 and the draft.
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useSyncExternalStore } from 'react';
import type { WorkbookSnapshot } from '../../port/snapshot';
import type { LoadedLastYear, PaneController } from '../pane-controller';
import { XlsxFileInput } from './XlsxFileInput';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: 'none' },
});

const SOURCE_LABEL: Record<NonNullable<LoadedLastYear['source']>, string> = { tables: '公开表', workings: '底稿', columns: '底稿上年数列' };

export interface LastYearPickerProps {
  controller: PaneController;
  /** The host's way to read a picked .xlsx into a snapshot (the ExcelJS file adapter). */
  read: (file: File) => Promise<WorkbookSnapshot>;
  disabled?: boolean;
}

export function LastYearPicker({ controller, read, disabled }: LastYearPickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const { lastYear, lastYearLoading: loading, lastYearProblem: problem } = state;
  const busy = disabled || state.running !== null || loading !== null;
  return (
    <section className={styles.root} aria-label="上年数">
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {lastYear ? '换一个上年数文件…' : '选择上年数文件…'}
        </Button>
        {lastYear && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => controller.clearLastYear()}>
            不用上年数
          </Button>
        )}
      </div>
      {loading && <Spinner size="tiny" labelPosition="after" label={`正在读取上年数“${loading}”…`} />}
      {lastYear ? (
        <Text>
          上年数：<Text weight="semibold">{lastYear.file}</Text>（{lastYear.accounts.year ? `${lastYear.accounts.year} 年度` : '年度未知'}
          {lastYear.source ? `，${SOURCE_LABEL[lastYear.source]}` : ''}），用于情况说明的“较上年”核对和草稿。
        </Text>
      ) : (
        <Text size={200} className={styles.hint}>
          可选：上年的九张公开表或底稿（.xlsx），用于核对和起草情况说明中“较上年”的增减。
        </Text>
      )}
      {problem && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <XlsxFileInput
        ref={input}
        className={styles.input}
        label="选择上年数文件"
        onFile={(f) => void controller.loadLastYear(f.name, () => read(f))}
      />
    </section>
  );
}
