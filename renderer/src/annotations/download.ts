// Saves text as a file through a Blob and <a download>: works in the browser and in Electron alike.
import type { ExportFormat } from '../../../src/api.js';
import { EXPORT_TYPES, exportFileName } from './filter-state.js';

export function downloadExport(format: ExportFormat, content: string): string {
  const name = exportFileName(format);
  const url = URL.createObjectURL(new Blob([content], { type: EXPORT_TYPES[format].mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
