// "Export annotations" in the desktop app: a native save dialog (in the Downloads folder, under the name the
// renderer suggests), then the file written where the user chose. Returns the full path, or null if cancelled.
import { basename, join } from 'node:path';

export interface SaveDialogOptions {
  title?: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveExportDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, content: string): Promise<void>;
  downloadsFolder(): string;
  title?: () => string;
}

/** A plain file name (no folder) ending in one of the export formats. */
const FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,119}\.(json|md|csv)$/u;
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

export function createSaveExport(deps: SaveExportDeps) {
  return async (fileName: unknown, content: unknown): Promise<string | null> => {
    if (typeof fileName !== 'string' || basename(fileName) !== fileName || !FILE_NAME.test(fileName)) {
      throw new Error('the export file name must be a plain .json, .md or .csv name');
    }
    if (typeof content !== 'string' || content.length > MAX_EXPORT_LENGTH) throw new Error('the export must be text under 64 MB');
    const extension = fileName.slice(fileName.lastIndexOf('.') + 1);
    const result = await deps.showSaveDialog({
      title: deps.title?.(),
      defaultPath: join(deps.downloadsFolder(), fileName),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    });
    if (result.canceled || !result.filePath) return null;
    await deps.writeFile(result.filePath, content);
    return result.filePath;
  };
}
