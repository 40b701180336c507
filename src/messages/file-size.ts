/** A size as the CLI shows it: "3.0 MB" from 1 MB up, whole kilobytes (rounded up) below. */
export function sizeInEnglish(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
