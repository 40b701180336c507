// Every IPC message from the renderer passes through here before it reaches the engine: the sender must
// be our app's top-level frame, the method one of the API's and the argument valid for it.
import type { ArchiveApi } from '../src/api.js';
import { validateCall } from '../src/api-schema.js';
import { APP_HOST, APP_SCHEME } from './protocol-path.js';

/** The parts of Electron's WebFrameMain the check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The parts of an IpcMainInvokeEvent the check needs. */
export interface IpcEventLike {
  senderFrame: SenderFrame | null;
}

/** The reply of 'archive:call'; the preload turns `error` into a rejected promise with that message. */
export type CallReply = { ok: true; result: unknown } | { ok: false; error: string };

export class UntrustedSenderError extends Error {}

/** Throws unless the message came from the main frame of a page served from app://archive. */
export function assertTrustedSender(event: IpcEventLike): void {
  const frame = event.senderFrame;
  if (!frame) throw new UntrustedSenderError('IPC from a frame that no longer exists');
  if (frame.parent !== null) throw new UntrustedSenderError('IPC from a sub-frame');
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    throw new UntrustedSenderError(`IPC from an unparseable URL`);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    throw new UntrustedSenderError(`IPC from ${url.protocol}//${url.host}, not the app`);
  }
}

export interface ArchiveCallHandlerOptions {
  api: () => ArchiveApi;
  /** Told about every refused message (untrusted sender or invalid call). */
  onRejected?: (reason: string) => void;
  /** Told about each successful call (e.g. to remember an opened archive). */
  onCalled?: (method: keyof ArchiveApi, arg: unknown, result: unknown) => void;
}

/** The ipcMain.handle('archive:call', …) listener. It never throws; failures become `{ ok: false }`. */
export function createArchiveCallHandler(options: ArchiveCallHandlerOptions) {
  return async (event: IpcEventLike, method: unknown, arg: unknown): Promise<CallReply> => {
    try {
      assertTrustedSender(event);
    } catch (err) {
      options.onRejected?.(messageOf(err));
      return { ok: false, error: 'refused: not sent by the app' };
    }
    let call: { method: keyof ArchiveApi; arg: unknown };
    try {
      if (typeof method !== 'string') throw new Error('method name must be a string');
      call = validateCall(method, arg);
    } catch (err) {
      options.onRejected?.(messageOf(err));
      return { ok: false, error: messageOf(err) };
    }
    try {
      const api = options.api();
      const fn = api[call.method] as (a: unknown) => Promise<unknown>;
      const result = await fn.call(api, call.arg);
      options.onCalled?.(call.method, call.arg, result);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: messageOf(err) };
    }
  };
}

/** Wraps a native-shell handler (pickFolder, …) with the same sender check. */
export function guardShellHandler<A extends unknown[], R>(
  handler: (...args: A) => Promise<R> | R,
  onRejected?: (reason: string) => void,
) {
  return async (event: IpcEventLike, ...args: A): Promise<CallReply> => {
    try {
      assertTrustedSender(event);
    } catch (err) {
      onRejected?.(messageOf(err));
      return { ok: false, error: 'refused: not sent by the app' };
    }
    try {
      return { ok: true, result: await handler(...args) };
    } catch (err) {
      return { ok: false, error: messageOf(err) };
    }
  };
}

/** One line, plain text: what a user or the renderer can show. */
export function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] || 'unknown error';
}
