// Pick or drop an .xlsx: a real button (keyboard reachable) over a hidden file input, and a drop zone.
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { XlsxFileInput } from '../../taskpane/components/XlsxFileInput';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { display: 'none' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface FilePickerProps {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The open file's name, when one is open. */
  current?: string;
}

export function firstFile(e: DragEvent): File | null {
  return e.dataTransfer?.files?.[0] ?? null;
}

export function FilePicker({ onFile, disabled, current }: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const f = firstFile(e);
        if (f && !disabled) onFile(f);
      }}
    >
      <div className={styles.row}>
        <Button appearance={current ? 'secondary' : 'primary'} disabled={disabled} onClick={() => input.current?.click()}>
          {current ? '换一个文件…' : '选择 Excel 文件…'}
        </Button>
        <Text className={styles.hint}>或把 .xlsx 文件拖到这里</Text>
      </div>
      {current && (
        <Text>
          当前文件：<Text weight="semibold">{current}</Text>
        </Text>
      )}
      <Text size={200} className={styles.hint}>
        文件只在本机浏览器中读取和处理，不会上传到任何地方；生成的结果由浏览器下载保存。
      </Text>
      <XlsxFileInput ref={input} className={styles.input} label="选择 Excel 文件" onFile={onFile} />
    </div>
  );
}
