/** What rooms need from the process: the store, the scenario catalogue, settings. Set once at start. */
import type { Catalog } from "../scenarios.ts";
import type { Store } from "../store/store.ts";

export interface RoomServices {
  store: Store;
  catalog: Catalog;
  reconnectSeconds: number;
  /** Per-client message budget (token bucket): bursts up to `burst` messages, refilled at `rate`
   *  per second. A client that runs out is disconnected (CloseCodes.flooding). */
  flood: { burst: number; rate: number };
}

let services: RoomServices | undefined;

export function setRoomServices(value: RoomServices): void {
  services = value;
}

export function getRoomServices(): RoomServices {
  if (!services) throw new Error("room services not set: call setRoomServices() before creating rooms");
  return services;
}
