// What the pane shows when it cannot start (not in Excel, Excel too old).
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function StartupMessage({ title, detail }: { title: string; detail: string }) {
  return (
    <main style={{ padding: 12 }}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {detail}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
