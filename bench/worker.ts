/**
 * Benchmark worker: a child process holding many SDK clients. Talks to bench/run.ts with JSON
 * lines: reads tasks on stdin, reports joins, sent edits and received patches on stdout.
 */
import { createInterface } from "node:readline";
import { Client, type Room } from "@colyseus/sdk";
import type { GameRoom } from "../server/rooms/GameRoom.ts";
import { PROTOCOL_VERSION } from "../shared/protocol.ts";

interface SeatTask {
  code: string;
  roomId: string;
  name: string;
}
type Command =
  | { type: "join"; url: string; seats: SeatTask[] }
  | {
      type: "edit";
      playerIds: string[];
      rounds: number;
      intervalMs: number;
      stepId: string;
      optionId: string;
    }
  | { type: "quit" };

const emit = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const rooms = new Map<string, Room<GameRoom>>();

async function joinAll(url: string, seats: SeatTask[]): Promise<void> {
  const client = new Client(url);
  await Promise.all(
    seats.map(async (seat) => {
      const started = Date.now();
      try {
        const room = await client.joinById<GameRoom>(seat.roomId, {
          as: "player",
          protocol: PROTOCOL_VERSION,
          code: seat.code,
          name: seat.name,
        });
        const playerId = await new Promise<string>((resolve) => {
          room.onMessage("*", (type, message) => {
            if (type === "welcome") resolve((message as { playerId: string }).playerId);
          });
        });
        rooms.set(playerId, room);
        watchEdits(room, playerId);
        emit({ type: "joined", playerId, code: seat.code, ms: Date.now() - started, at: Date.now() });
      } catch (error) {
        emit({ type: "join-failed", name: seat.name, error: String(error) });
      }
    }),
  );
  emit({ type: "ready" });
}

/** Reports each new team edit this client receives (the team's edit count identifies it). */
function watchEdits(room: Room<GameRoom>, playerId: string): void {
  let seen = 0;
  room.onStateChange((state) => {
    const team = state.teams.find((t) => t.memberIds.includes(playerId));
    const count = team?.work?.edits.length ?? 0;
    if (team && count > seen) {
      for (let k = seen + 1; k <= count; k++)
        emit({ type: "recv", playerId, teamId: team.id, count: k, at: Date.now() });
      seen = count;
    }
  });
}

async function edit(cmd: Extract<Command, { type: "edit" }>): Promise<void> {
  await Promise.all(
    cmd.playerIds.map(async (playerId) => {
      const room = rooms.get(playerId);
      if (!room) return;
      for (let k = 1; k <= cmd.rounds; k++) {
        emit({ type: "sent", playerId, count: k, at: Date.now() });
        room.send("edit", { stepId: cmd.stepId, edit: { op: "toggle-option", optionId: cmd.optionId } });
        await new Promise((r) => setTimeout(r, cmd.intervalMs));
      }
    }),
  );
  emit({ type: "edited" });
}

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as Command;
  if (cmd.type === "join") void joinAll(cmd.url, cmd.seats);
  else if (cmd.type === "edit") void edit(cmd);
  else {
    await Promise.all([...rooms.values()].map((r) => r.leave(true).catch(() => undefined)));
    process.exit(0);
  }
}
