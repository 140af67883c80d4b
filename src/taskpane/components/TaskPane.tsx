// The task pane: choices, the three actions, progress, messages and the findings list.
// Rendering only; everything it does goes through the PaneController.
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { reviewStatusOf } from '../../app/review';
import { AUTO, PROFILE_CHOICES, RUBRIC_CHOICES, type Choice } from '../choices';
import type { PaneController } from '../pane-controller';
import { FindingsList } from './FindingsList';
import { LastYearPicker } from './LastYearPicker';
import { NarrativeFigures } from './NarrativeFigures';
import type { WorkbookSnapshot } from '../../port/snapshot';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** A dropdown over choices whose '' (AUTO) entry stands for undefined: the automatic or default choice. */
function ChoiceField(props: {
  label: string;
  choices: Choice[];
  value: string | undefined;
  disabled: boolean;
  onChange: (id: string | undefined) => void;
}) {
  const { label, choices, value, disabled, onChange } = props;
  const selected = value ?? AUTO;
  return (
    <Field label={label}>
      <Dropdown
        value={choices.find((c) => c.id === selected)?.label ?? ''}
        selectedOptions={[selected]}
        disabled={disabled}
        onOptionSelect={(_, d) => onChange(d.optionValue || undefined)}
      >
        {choices.map((c) => (
          <Option key={c.id || 'auto'} value={c.id}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export interface TaskPaneProps {
  controller: PaneController;
  /** The standalone page (src/page) adds its file picker under the title and its downloads under the result line. */
  title?: string;
  top?: ReactNode;
  bottom?: ReactNode;
  /** No workbook yet (the page before a file is opened). */
  actionsDisabled?: boolean;
  emptyText?: string;
  /** 插入底稿模板 into the workbook (the add-in); the page offers the template as a download instead. */
  templateButton?: boolean;
  /** Reads a picked 上年数 .xlsx (the host's file adapter); without it the pane has no 上年数 picker. */
  readLastYearFile?: (file: File) => Promise<WorkbookSnapshot>;
  /** The page offers the 审核说明 as a download (in `bottom`) instead of a sheet added to the workbook. */
  reviewDownload?: boolean;
}

export function TaskPane({
  controller,
  title = '决算公开助手',
  top,
  bottom,
  actionsDisabled = false,
  emptyText,
  templateButton = true,
  readLastYearFile,
  reviewDownload = false,
}: TaskPaneProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // Every finding with an id gets its status (待处理 too): the controls need it.
  const statusOf = useMemo(() => reviewStatusOf(state.review, true), [state.review]);
  const running = state.running !== null && state.running !== 'jump';
  const busy = running || actionsDisabled;
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {title}
      </Text>
      {top}
      <ChoiceField label="表式" choices={PROFILE_CHOICES} value={state.profile} disabled={running} onChange={(id) => controller.setProfile(id)} />
      <ChoiceField
        label="绩效自评评分规则"
        choices={RUBRIC_CHOICES}
        value={state.rubric}
        disabled={running}
        onChange={(id) => controller.setRubric(id)}
      />
      {readLastYearFile && <LastYearPicker controller={controller} read={readLastYearFile} disabled={actionsDisabled} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void controller.check()}>
          检查
        </Button>
        <Button disabled={busy} onClick={() => void controller.generate()}>
          一键生成公开表
        </Button>
        <Button disabled={busy} onClick={() => void controller.clear()}>
          清除标记
        </Button>
        {templateButton && (
          <Button disabled={busy} onClick={() => void controller.insertTemplate()}>
            插入底稿模板
          </Button>
        )}
      </div>
      {running && state.progress && (
        <Field validationMessage={state.progress.label} validationState="none">
          <ProgressBar value={state.progress.fraction} aria-label={state.progress.label} />
        </Field>
      )}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{state.error.title}</MessageBarTitle>
            {state.error.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent={state.noticeIntent}>
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.review && (
        <MessageBar intent={state.review.readiness.ready ? 'success' : 'warning'} aria-label="公开就绪">
          <MessageBarBody>{state.review.readiness.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.review && !reviewDownload && (
        <Button disabled={busy} onClick={() => void controller.addReviewReport()}>
          添加“审核说明”工作表
        </Button>
      )}
      {bottom}
      {state.markNotice && (
        <MessageBar intent="info">
          <MessageBarBody>{state.markNotice}</MessageBarBody>
        </MessageBar>
      )}
      {state.hints.map((h) => (
        <MessageBar key={h} intent="info">
          <MessageBarBody>{h}</MessageBarBody>
        </MessageBar>
      ))}
      {!running && !state.report && !state.error && !state.notice && (
        <Text className={styles.empty}>{emptyText ?? '点击“检查”核对当前工作簿中的公开表，有问题的单元格会被标上颜色并列在这里。'}</Text>
      )}
      <FindingsList
        report={state.report}
        onJump={(cell) => void controller.jump(cell)}
        disabled={busy}
        statusOf={statusOf}
        onStatus={state.canReview ? (id, status, reason) => void controller.setStatus(id, status, reason) : undefined}
      />
      <NarrativeFigures figures={state.report?.narrative?.figures ?? []} onJump={(cell) => void controller.jump(cell)} disabled={busy} />
    </main>
  );
}
