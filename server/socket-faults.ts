/**
 * WebSocket frames a client gets wrong are the client's fault, not the server's: an undecodable
 * frame or one over the size limit closes that connection and writes one warning line, without a
 * stack (Colyseus alone would print one per frame). See docs/protocol.md § 6.
 */
import type { IncomingMessage } from "node:http";
import { CloseCode, Protocol } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import type { Logger } from "./log.ts";
import { frameFaults, messageLabel, messagesReceived } from "./metrics.ts";

/** What is used here of a `ws` server and its sockets. */
interface Socket {
  emit(event: string | symbol, ...args: unknown[]): boolean;
  close(code: number): void;
}
interface SocketServer {
  on(event: "connection", listener: (socket: Socket, req: IncomingMessage) => void): unknown;
}

/** What a frame is: a room message (with its name), another Colyseus frame, or one that cannot be read. */
export type FrameKind = { message: unknown } | { other: true } | { fault: "undecodable-frame" };

export function inspectFrame(frame: Buffer): FrameKind {
  if (frame.length === 0) return { fault: "undecodable-frame" };
  const code = (frame[0] ?? 0) & 0x3f;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST && code !== Protocol.ROOM_DATA_BYTES) {
    return { other: true };
  }
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(frame, it);
    const name = decode.stringCheck(frame, it) ? decode.string(frame, it) : decode.number(frame, it);
    if (it.offset > frame.length) return { fault: "undecodable-frame" };
    if (code !== Protocol.ROOM_DATA_BYTES && frame.length > it.offset) unpack(frame.subarray(it.offset));
    return { message: name };
  } catch {
    return { fault: "undecodable-frame" };
  }
}

/** Where a socket belongs, for its log lines: `/<processId>/<roomId>?sessionId=…`. */
function socketContext(req: IncomingMessage): { roomId?: string; sessionId?: string } {
  const url = new URL(req.url ?? "/", "http://x");
  return {
    roomId: url.pathname.split("/").at(-1) || undefined,
    sessionId: url.searchParams.get("sessionId") ?? undefined,
  };
}

/** Screens every frame of every socket before Colyseus sees it, and owns socket errors. */
export function guardSockets(wss: SocketServer, logger: Logger): void {
  wss.on("connection", (socket, req) => {
    const context = socketContext(req);
    const emit = socket.emit.bind(socket);
    let faulted = false;
    const report = (fields: { fault: string; code?: string }) => {
      if (!faulted) {
        logger.warn({ ...context, ...fields }, "client fault: connection closed");
        frameFaults.inc({ fault: fields.fault });
      }
      faulted = true;
    };
    socket.emit = (event, ...args) => {
      if (event === "message") {
        const frame = args[0];
        const kind: FrameKind = Buffer.isBuffer(frame) ? inspectFrame(frame) : { fault: "undecodable-frame" };
        if ("fault" in kind) {
          report({ fault: kind.fault });
          socket.close(CloseCode.WITH_ERROR);
          return true;
        }
        if ("message" in kind) messagesReceived.inc({ type: messageLabel(kind.message) });
      }
      if (event === "error") {
        // ws closes the socket itself (1009 over maxPayload, 1002 for a protocol error).
        const code = (args[0] as { code?: string } | undefined)?.code;
        report({
          fault: code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? "oversized-frame" : "invalid-frame",
          code,
        });
        return true;
      }
      return emit(event, ...args);
    };
  });
}
