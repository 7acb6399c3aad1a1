/**
 * The physical floor: a raw `ws` relay on loopback, in its own process. A client connects with
 * `?g=<group>`; every message it sends is relayed, unchanged, to the other members of its group
 * (client → server → other client, the shortest path an edit can take to a teammate).
 */
import { WebSocket, WebSocketServer } from "ws";

const groups = new Map<string, Set<WebSocket>>();
const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });

server.on("connection", (ws, req) => {
  const group = new URL(req.url ?? "/", "http://floor").searchParams.get("g") ?? "";
  let members = groups.get(group);
  if (!members) {
    members = new Set();
    groups.set(group, members);
  }
  members.add(ws);
  ws.on("message", (data, isBinary) => {
    for (const peer of members) {
      if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
    }
  });
  ws.on("close", () => members.delete(ws));
});

server.on("listening", () => {
  const { port } = server.address() as { port: number };
  console.log(`floor listening on ws://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => process.exit(0));
