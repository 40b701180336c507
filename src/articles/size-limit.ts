/** Files larger than this are reported, not read (50 MB). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function tooLargeError(size: number, maxBytes: number): string {
  return `file too large (${formatSize(size)}; limit ${formatSize(maxBytes)})`;
}
