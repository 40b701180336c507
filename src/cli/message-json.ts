// Messages in the CLI's `--json` output: the English wording for people (`error`/`message`) beside the code for tools.
import type { FailedFile, IndexReport, Message } from '../api.js';
import { englishText, englishTexts } from '../messages/english.js';

export function failedFileJson(f: FailedFile): object {
  return { path: f.path, error: englishText(f), code: f.code, ...(f.params ? { params: f.params } : {}) };
}

export function indexReportJson(report: IndexReport): object {
  return {
    ...report,
    failed: report.failed.map(failedFileJson),
    ...(report.warnings ? { warnings: report.warnings.map(failedFileJson) } : {}),
  };
}

/** `message` (every message in English, as one line), `code` (the first one's) and `messages` (each with its code). */
export function queryMessagesJson(messages: readonly Message<string>[] | undefined): object {
  if (!messages?.length) return {};
  return {
    message: englishTexts(messages),
    code: messages[0].code,
    messages: messages.map((m) => ({ code: m.code, ...(m.params ? { params: m.params } : {}), message: englishText(m) })),
  };
}
