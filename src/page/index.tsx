// Standalone page entry (page.html): the task pane without Excel. No office.js is loaded; the workbook is
// read and written in the browser with the file adapter, and nothing is sent anywhere.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { StandalonePage } from './components/StandalonePage';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <StandalonePage />
  </FluentProvider>,
);
