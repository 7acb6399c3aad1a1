/**
 * The game room's state serializer: @colyseus/core's SchemaSerializer with two changes measured by
 * the bench (issue 16).
 *
 * 1. **No empty patch frames.** Every client has its own StateView, and the base serializer sends
 *    every joined client a frame whenever anything in the room changed, even when nothing of the
 *    change is in that client's view: in a 500-player session where 100 teams edit once a second,
 *    a player received a frame on nearly every tick (20 a second) for the 5 edits a second that
 *    concern anyone but them, and writing those frames was the server's largest cost (`writev`,
 *    14.5 % of its busy time at 2,000 players). Here a client whose frame would carry nothing
 *    (no shared change and nothing for its view) is sent nothing.
 *
 * 2. **Encoder buffer sized from the bench, and full states that outgrow it.** @colyseus/schema
 *    encodes into a buffer of `Encoder.BUFFER_SIZE` bytes (16 KB by default) and, on overflow, grows it
 *    with a "buffer overflow" warning. The base `getFullState` keeps encoding each client's view into
 *    its original, smaller buffer after that: the shared part of the client's full state is cut and
 *    its decoder then fails on every patch ("refId not found"). The bench's 500-player join burst hit
 *    it hundreds of times (tests/server/large-state.test.ts reproduces it with 50 players). 1 MB holds
 *    a 500-player session's full state (the largest the bench measured, the facilitator's, asked for
 *    160 KB) and a 50-team session of the nine-type `exemple` (over 256 KB); the pages of the buffer
 *    that are never written cost no memory. Past that, the full state is encoded again into the grown
 *    buffer, which the room then keeps.
 */
import { type Client, ClientState, Protocol, SchemaSerializer } from "@colyseus/core";
import { Encoder, type Schema } from "@colyseus/schema";

export const SCHEMA_BUFFER_BYTES = 1024 * 1024;

/** What the base class keeps that this one reads (not in its public typings). */
interface SerializerInternals {
  fullEncodeBuffer: Uint8Array;
  fullEncodeCache?: Uint8Array;
  needFullEncode: boolean;
}

type PatchTiming = Parameters<SchemaSerializer<Schema>["applyPatches"]>[2];

export class RoomSerializer<T extends Schema> extends SchemaSerializer<T> {
  constructor() {
    Encoder.BUFFER_SIZE = SCHEMA_BUFFER_BYTES;
    super();
  }

  private get internals(): SerializerInternals {
    return this as unknown as SerializerInternals;
  }

  override getFullState(client?: Client, timing?: PatchTiming) {
    const body = super.getFullState(client, timing);
    const self = this.internals;
    const grown = self.fullEncodeCache?.buffer;
    if (!grown || grown === self.fullEncodeBuffer.buffer) return body;
    // The shared part went to a grown buffer, the view part to the old one: encode both again into
    // the grown buffer, kept from now on.
    self.fullEncodeBuffer = new Uint8Array(grown);
    self.needFullEncode = true;
    return super.getFullState(client, timing);
  }

  override applyPatches(clients: Client[], state?: unknown, timing?: PatchTiming): boolean {
    // Timed frames (an input controller), rooms without views and rooms without clients keep the
    // base behaviour.
    if (timing || !this.hasFilters || clients.length === 0) return super.applyPatches(clients, state, timing);
    const changed = this.encoder.hasChanges;
    const it = { offset: 1 };
    this.encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
    const shared = changed ? this.encoder.encode(it) : this.encoder.sharedBuffer.subarray(0, 1);
    const sharedOffset = it.offset;
    // Last joined first, as the base class does.
    for (let i = clients.length - 1; i >= 0; i--) {
      const client = clients[i] as Client;
      if (client.state !== ClientState.JOINED) continue;
      // Nothing changed in the room: only views that were given something new (`view.add`) encode.
      if (!changed && !(client.view && client.view.changes.size > 0)) continue;
      const frame = client.view ? this.encoder.encodeView(client.view, sharedOffset, it) : shared;
      // One byte: the frame's type alone, nothing to apply.
      if (frame.length > 1) client.raw(frame);
    }
    if (!changed) return false;
    this.internals.needFullEncode = true;
    this.encoder.discardChanges();
    return true;
  }
}
