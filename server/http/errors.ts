/** An HTTP error answered as `{ error: { code, message } }` with its status (message in French). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
