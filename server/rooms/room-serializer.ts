/**
 * The game room's state serializer: @colyseus/core's SchemaSerializer with three changes measured by
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
 *    it hundreds of times (tests/server/large-state.test.ts reproduces it with 50 players). Past the
 *    buffer, the full state is encoded again into the grown buffer, which the room then keeps.
 *
 * 3. **One frame at a time in the buffer.** The base class encodes each client's view after the
 *    previous client's, so a tick needed the sum of its frames (over 512 KB in a 500-player burst)
 *    and the buffer was 1 MB per room, twice (patches and full states), the patch one grown to 2 MB on
 *    the first view patch (the encoder keeps a whole `BUFFER_SIZE` free past what it writes): about
 *    3 MB of memory per room. Each view is now encoded over the previous one (its frame is a copy),
 *    and 256 KB (512 KB once grown for patches) holds any one frame the tests and the bench make: a
 *    player's full state (48.6 KB at most in the bench's 500-player session, the target being 64 KB)
 *    and the facilitator's patch when a 50-team session starts (over 256 KB,
 *    tests/server/large-state.test.ts). A larger one grows the buffer once, with one warning.
 */
import { type Client, ClientState, Protocol, SchemaSerializer } from "@colyseus/core";
import { Encoder, type Schema } from "@colyseus/schema";

export const SCHEMA_BUFFER_BYTES = 256 * 1024;

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
      // Each view's part is encoded right after the shared part, over the previous client's (its
      // frame is a copy): the buffer holds one frame, not the sum of the tick's frames.
      it.offset = sharedOffset;
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
