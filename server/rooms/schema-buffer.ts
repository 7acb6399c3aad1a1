/**
 * The schema encoder's buffer, sized from the bench, and a guard for full states that outgrow it.
 *
 * @colyseus/schema encodes into a buffer of `Encoder.BUFFER_SIZE` bytes (16 KB by default) and, on
 * overflow, grows it with a "buffer overflow" warning. @colyseus/core 0.18's
 * `SchemaSerializer.getFullState` keeps encoding each client's view into its original, smaller
 * buffer after that: the shared part of the client's full state is cut and its decoder then fails
 * on every patch ("refId not found"). The bench's 500-player join burst hit it hundreds of times
 * (tests/server/large-state.test.ts reproduces it with 50 players).
 *
 * 1 MB holds a 500-player session's full state (the largest the bench measured, the facilitator's,
 * asked for 160 KB) and a 50-team session of the nine-type `exemple` (over 256 KB); the pages of the
 * buffer that are never written cost no memory.
 * Past that, the guard encodes the full state again into the grown buffer, which the room then keeps.
 */
import { SchemaSerializer } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";

export const SCHEMA_BUFFER_BYTES = 1024 * 1024;

interface FullStateSerializer {
  fullEncodeBuffer: Uint8Array;
  fullEncodeCache?: Uint8Array;
  needFullEncode: boolean;
  getFullState(this: FullStateSerializer, ...args: unknown[]): Uint8Array;
}

export function installSchemaBuffer(): void {
  Encoder.BUFFER_SIZE = SCHEMA_BUFFER_BYTES;
  const proto = SchemaSerializer.prototype as unknown as FullStateSerializer;
  if ((proto as { guarded?: boolean }).guarded) return;
  const getFullState = proto.getFullState;
  proto.getFullState = function (...args) {
    const body = getFullState.apply(this, args);
    const grown = this.fullEncodeCache?.buffer;
    if (!grown || grown === this.fullEncodeBuffer.buffer) return body;
    // The shared part went to a grown buffer, the view part to the old one: encode both again
    // into the grown buffer, kept from now on.
    this.fullEncodeBuffer = new Uint8Array(grown);
    this.needFullEncode = true;
    return getFullState.apply(this, args);
  };
  (proto as { guarded?: boolean }).guarded = true;
}
