// The hidden .xlsx file input behind a "选择…" button (the pane's 上年数 picker, the page's file picker): the
// button clicks it; it hands over the picked file and forgets it, so picking the same file again still counts.
import { forwardRef } from 'react';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxFileInputProps {
  className?: string;
  /** Its accessible name (it is out of the tab order: the visible button is the control). */
  label: string;
  onFile: (file: File) => void;
}

export const XlsxFileInput = forwardRef<HTMLInputElement, XlsxFileInputProps>(function XlsxFileInput({ className, label, onFile }, ref) {
  return (
    <input
      ref={ref}
      className={className}
      type="file"
      accept={XLSX_ACCEPT}
      aria-label={label}
      tabIndex={-1}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onFile(f);
      }}
    />
  );
});
