/**
 * Issue 16, server memory: the patch of each client's view was encoded after the previous client's in
 * the room's encoder buffer, so the buffer grew with the sum of a tick's frames (a 500-player session:
 * over 512 KB, "buffer overflow" warnings with a smaller buffer) and each room kept 1 MB buffers to
 * hold it. Each view's part now reuses the same region once its frame is copied out.
 */
import { type Client, ClientState } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { describe, expect, it, vi } from "vitest";
import { GameState, PlayerState } from "../state.ts";
import { RoomSerializer, SCHEMA_BUFFER_BYTES } from "./room-serializer.ts";

/** A joined client as the serializer sees it: its view, and the frames it is sent. */
function viewer(state: GameState, frames: Uint8Array[]): Client {
  const view = new StateView();
  for (const player of state.players.values()) view.add(player);
  return {
    state: ClientState.JOINED,
    view,
    raw: (frame: Uint8Array) => frames.push(frame),
  } as unknown as Client;
}

describe("RoomSerializer", () => {
  it("encodes a tick's frames for many views within one buffer's size, each frame intact", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const state = new GameState();
    for (let i = 0; i < 60; i++) {
      const player = new PlayerState();
      player.id = `p-${i}`;
      player.name = `Agent ${i}`;
      state.players.set(player.id, player);
    }
    const serializer = new RoomSerializer<GameState>();
    serializer.reset(state);
    const frames: Uint8Array[] = [];
    // Frames of about 2.4 KB: together, three times the buffer.
    const count = Math.ceil((3 * SCHEMA_BUFFER_BYTES) / 2000);
    const clients = Array.from({ length: count }, () => viewer(state, frames));
    serializer.applyPatches(clients);
    frames.length = 0;

    // Every row renamed: each view's frame carries 60 names.
    for (const player of state.players.values()) player.name = `${player.name} de la direction régionale`;
    serializer.applyPatches(clients);

    expect(frames).toHaveLength(count);
    const total = frames.reduce((n, f) => n + f.length, 0);
    expect(total).toBeGreaterThan(2 * SCHEMA_BUFFER_BYTES);
    for (const frame of frames)
      expect(Buffer.from(frame).equals(Buffer.from(frames[0] as Uint8Array))).toBe(true);
    expect(Buffer.from(frames[0] as Uint8Array).toString("latin1")).toContain("Agent 59 de la direction");
    const encoder = (serializer as unknown as { encoder: { sharedBuffer: Uint8Array } }).encoder;
    expect(encoder.sharedBuffer.byteLength).toBeLessThanOrEqual(2 * SCHEMA_BUFFER_BYTES);
    expect(warn.mock.calls.flat().join("\n")).not.toContain("buffer overflow");
    warn.mockRestore();
  });
});
