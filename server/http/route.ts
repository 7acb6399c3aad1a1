/** Small helpers for the HTTP routers: async handlers and zod-validated bodies. */
import type { NextFunction, Request, Response } from "express";
import { z } from "zod";
import { HttpError } from "./errors.ts";

type AsyncHandler = (req: Request, res: Response) => Promise<void>;

/** An express handler from an async one (rejections go to the error handler). */
export const route =
  (handler: AsyncHandler) =>
  (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };

/** Sends `body` as a JSON file to download (`filename`), e.g. an xAPI statements export. */
export function sendJsonFile(res: Response, body: unknown, filename: string): void {
  res.type("application/json; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.send(JSON.stringify(body, null, 2));
}

/** The body parsed by `schema`, or `400 invalid-body` with zod's readable message. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpError(400, "invalid-body", z.prettifyError(parsed.error));
  return parsed.data;
}
