// Errors the API reports on purpose, each with a stable code and the HTTP status browser mode answers with. Anything
// else thrown by an API method is a fault: code 'internal', status 500.

export type ApiErrorCode =
  | 'invalid_argument' // the request is malformed or names something impossible (400)
  | 'not_found' // no article, annotation or folder by that name (404)
  | 'no_archive' // the call needs an open archive (409)
  | 'cancelled' // indexing was cancelled by the user (409)
  | 'busy' // another process or window holds the archive's lock; try again (409)
  | 'internal'; // a fault (500)

const STATUS: Record<ApiErrorCode, number> = {
  invalid_argument: 400,
  not_found: 404,
  no_archive: 409,
  cancelled: 409,
  busy: 409,
  internal: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** What a transport reports of an error thrown by an API method. */
export function describeApiError(err: unknown): { code: ApiErrorCode; status: number; message: string } {
  if (err instanceof ApiError) return { code: err.code, status: err.status, message: err.message };
  return { code: 'internal', status: STATUS.internal, message: err instanceof Error ? err.message : String(err) };
}
