// What the pane shows when it cannot start (no office.js, not in Excel, Excel too old), and the dialog of a
// failed ribbon command (with a close button).
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function StartupMessage({ title, detail, onClose }: { title: string; detail: string; onClose?: () => void }) {
  return (
    <main style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {detail}
        </MessageBarBody>
      </MessageBar>
      {onClose && (
        <Button appearance="primary" style={{ marginTop: 12 }} onClick={onClose}>
          关闭
        </Button>
      )}
    </main>
  );
}
