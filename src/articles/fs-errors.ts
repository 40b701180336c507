const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'not found (deleted or a broken symlink)',
  ELOOP: 'symlink loop',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'not a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'path too long',
};

/** A short, user-facing reason for a file-system error, e.g. "permission denied (EACCES)". */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  if (code) return `cannot read (${code})`;
  return `cannot read: ${(e as Error)?.message ?? String(e)}`;
}
