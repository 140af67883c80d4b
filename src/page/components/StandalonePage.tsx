// The task pane as a page without Excel: the same TaskPane and PaneController over a file read in the
// browser (PageWorkbookPort), a grid preview of the sheets with the marks, and downloads of the results.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { TaskPane } from '../../taskpane/components/TaskPane';
import { PaneController } from '../../taskpane/pane-controller';
import { toPaneError, type PaneError } from '../../taskpane/pane-errors';
import type { WorkbookPort } from '../../port/port';
import type { WorkbookSnapshot } from '../../port/snapshot';
import { DOCX_TYPE, downloadBytes, generatedFileName, openWorkbookFile } from '../file-open';
import { narrativeDocx } from '../narrative-download';
import { workbookOfSheets } from '../../adapters/file/exceljs-port';
import { reviewReportLayout } from '../../app/review';
import type { PageWorkbookPort } from '../page-port';
import { TEMPLATE_FILE_NAME, templateWorkbookBytes } from '../template-download';
import { FilePicker, firstFile } from './FilePicker';
import { SheetGrid } from './SheetGrid';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (min-width: 720px)': { flexDirection: 'row', height: '100vh' },
  },
  pane: {
    boxSizing: 'border-box',
    width: '100%',
    '@media (min-width: 720px)': {
      width: '380px',
      flexShrink: 0,
      overflowY: 'auto',
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  grid: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    '@media (min-width: 720px)': { flexGrow: 1, overflow: 'hidden' },
  },
  downloads: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  wrap: { whiteSpace: 'normal', textAlign: 'left', height: 'auto' },
  placeholder: { color: tokens.colorNeutralForeground2, padding: tokens.spacingVerticalL },
});

interface Opened {
  id: number;
  port: PageWorkbookPort;
  controller: PaneController;
}

/** Stands in before a file is opened; the pane's actions are disabled then, so it is never called. */
const noWorkbook: WorkbookPort = {
  readSnapshot: () => Promise.reject(new Error('请先选择一个 .xlsx 文件。')),
  applyMarks: () => Promise.reject(new Error('请先选择一个 .xlsx 文件。')),
  clearMarks: () => Promise.reject(new Error('请先选择一个 .xlsx 文件。')),
  addSheets: () => Promise.reject(new Error('请先选择一个 .xlsx 文件。')),
  select: () => Promise.resolve(),
};

/** The page reads a picked 上年数 .xlsx with the same file adapter as the workbook itself. */
async function readLastYearFile(file: File): Promise<WorkbookSnapshot> {
  return (await openWorkbookFile(file.name, new Uint8Array(await file.arrayBuffer()))).readSnapshot();
}

/** The page changes no workbook: a check marks its preview, and the marked file is a download. */
const MARKS_ON_PAGE = '有问题的单元格已在表格预览中标色，原文件不会改动；也可下载标记副本。';

/** A download that takes a moment to build: `run(work)` is a click handler; `saving` is true while work runs. */
function useSaving(): { saving: boolean; run: (work: () => Promise<void>) => () => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const run = (work: () => Promise<void>) => async () => {
    setSaving(true);
    try {
      await work();
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}

/** 下载底稿模板: available before any file is opened (a new user starts from it). */
function TemplateDownload() {
  const styles = useStyles();
  const { saving, run } = useSaving();
  return (
    <Button className={styles.wrap} disabled={saving} onClick={run(async () => downloadBytes(await templateWorkbookBytes(), TEMPLATE_FILE_NAME))}>
      下载底稿模板：{TEMPLATE_FILE_NAME}
    </Button>
  );
}

function Downloads({ port, controller }: { port: PageWorkbookPort; controller: PaneController }) {
  const styles = useStyles();
  const view = useSyncExternalStore(port.subscribe, port.getView);
  const pane = useSyncExternalStore(controller.subscribe, controller.getState);
  const { saving, run } = useSaving();
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  // After generation the download comes into view (at 320 px the pane is a long column). It is shown once the
  // task has ended, so that the success line above it is laid out first and does not push it out of view.
  const resultButton = useRef<HTMLButtonElement>(null);
  const result = pane.running ? null : view.result;
  useEffect(() => {
    const button = resultButton.current;
    if (!result || !button) return;
    button.scrollIntoView({ block: 'nearest' });
    if (typeof ResizeObserver === 'undefined') return;
    // The message bars above animate their height in; keep the button in view while that settles (1 s).
    const observer = new ResizeObserver(() => button.scrollIntoView({ block: 'nearest' }));
    observer.observe(document.body);
    const stop = setTimeout(() => observer.disconnect(), 1000);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [result]);
  if (!result && view.marks.length === 0 && !pane.review) return null;
  const reviewName = generatedFileName(port.fileName, '审核说明');
  const resultName = generatedFileName(port.fileName);
  const markedName = generatedFileName(port.fileName, '已标记');
  const draftName = generatedFileName(port.fileName, '情况说明草稿', '.docx');
  return (
    <div className={styles.downloads} aria-label="下载">
      {result && (
        <Button ref={resultButton} appearance="primary" className={styles.wrap} onClick={() => downloadBytes(result.bytes, resultName)}>
          下载生成结果：{resultName}
        </Button>
      )}
      {result && (
        <Button
          className={styles.wrap}
          disabled={saving}
          onClick={run(async () => {
            const docx = await narrativeDocx(await port.readSnapshot(), controller.getState().lastYear);
            if ('bytes' in docx) downloadBytes(docx.bytes, draftName, DOCX_TYPE);
            else setDraftProblem(docx.problem);
          })}
        >
          下载情况说明草稿（Word）：{draftName}
        </Button>
      )}
      {draftProblem && <Text role="alert">{draftProblem}</Text>}
      {view.marks.length > 0 && (
        <Button className={styles.wrap} disabled={saving} onClick={run(async () => downloadBytes(await port.markedCopy(), markedName))}>
          下载标记副本：{markedName}
        </Button>
      )}
      {pane.review && (
        <Button
          className={styles.wrap}
          disabled={saving}
          onClick={run(async () => downloadBytes(await workbookOfSheets([reviewReportLayout(pane.review!)]), reviewName))}
        >
          下载审核说明：{reviewName}
        </Button>
      )}
    </div>
  );
}

export function StandalonePage() {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [openError, setOpenError] = useState<PaneError | null>(null);
  const placeholder = useMemo(() => new PaneController({ port: noWorkbook }), []);

  const openFile = useCallback(async (file: File) => {
    setReading(file.name);
    setOpenError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const port = await openWorkbookFile(file.name, bytes);
      // The 上年数 picked for the previous file stays picked for the next one.
      setOpened((prev) => ({
        id: (prev?.id ?? 0) + 1,
        port,
        controller: new PaneController({ port, marksWhere: MARKS_ON_PAGE, lastYear: prev?.controller.getState().lastYear }),
      }));
    } catch (e) {
      setOpenError({ ...toPaneError(e, '打开文件'), title: '无法打开文件' });
    } finally {
      setReading(null);
    }
  }, []);

  const onPageDrop = (e: DragEvent) => {
    e.preventDefault();
    const f = firstFile(e);
    if (f && !reading) void openFile(f);
  };

  const top = (
    <>
      <FilePicker onFile={(f) => void openFile(f)} disabled={!!reading} current={opened?.port.fileName} />
      <TemplateDownload />
      {reading && <Spinner size="tiny" labelPosition="after" label={`正在读取“${reading}”…`} />}
      {openError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{openError.title}</MessageBarTitle>
            {openError.detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  return (
    <div className={styles.page} onDragOver={(e) => e.preventDefault()} onDrop={onPageDrop}>
      <div className={styles.pane}>
        {opened ? (
          <TaskPane
            key={opened.id}
            controller={opened.controller}
            title="决算公开助手（网页版）"
            top={top}
            bottom={<Downloads port={opened.port} controller={opened.controller} />}
            reviewDownload
            actionsDisabled={!!reading}
            readLastYearFile={readLastYearFile}
            templateButton={false}
          />
        ) : (
          <TaskPane
            controller={placeholder}
            title="决算公开助手（网页版）"
            top={top}
            actionsDisabled
            templateButton={false}
            emptyText="先选择单位的决算 Excel 文件（.xlsx），再点“检查”：有问题的单元格会在右侧（窄屏时在下方）的表格预览中标上颜色，并列在这里；点“一键生成公开表”可下载加上九张公开表的工作簿。"
          />
        )}
      </div>
      <div className={styles.grid}>
        {opened ? (
          <SheetGrid key={opened.id} port={opened.port} />
        ) : (
          <Text className={styles.placeholder}>打开文件后，这里显示各工作表的只读预览。</Text>
        )}
      </div>
    </div>
  );
}
