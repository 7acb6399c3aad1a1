/** What rooms need from the process: the store, the scenario catalogue, settings. Set once at start. */
import type { Catalog } from "../scenarios.ts";
import type { Store } from "../store/store.ts";
import type { Limits } from "./limits.ts";

export interface RoomServices {
  store: Store;
  catalog: Catalog;
  reconnectSeconds: number;
  /** Messages per seat and joins per address (CloseCodes.flooding over the message budget). */
  limits: Limits;
  /** Milliseconds between `end` and the closing of every client (CloseCodes.ended). */
  endGraceMs: number;
}

let services: RoomServices | undefined;

export function setRoomServices(value: RoomServices): void {
  services = value;
}

export function getRoomServices(): RoomServices {
  if (!services) throw new Error("room services not set: call setRoomServices() before creating rooms");
  return services;
}
