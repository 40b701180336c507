export function findElectronRuntime(
  repo: string,
  options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
): { ok: true; bin: string; version: string } | { ok: false; reason: string };
