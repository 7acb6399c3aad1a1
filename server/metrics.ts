/**
 * Prometheus metrics (`GET /metrics`, prom-client): rooms and connected clients of this process,
 * messages and refusals by type, action → patch latency, store write latency, restore duration,
 * plus Node's default process metrics. One registry per process.
 */
import { performance } from "node:perf_hooks";
import { matchMaker } from "@colyseus/core";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { ClientMessages } from "../shared/protocol.ts";

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "datatruc_" });

new Gauge({
  name: "datatruc_rooms",
  help: "Session rooms running in this process.",
  registers: [registry],
  collect() {
    this.set(matchMaker.stats?.local.roomCount ?? 0);
  },
});

new Gauge({
  name: "datatruc_connected_clients",
  help: "Clients (players, facilitators, screens) connected to this process's rooms.",
  registers: [registry],
  collect() {
    this.set(matchMaker.stats?.local.ccu ?? 0);
  },
});

new Counter({
  name: "datatruc_event_loop_busy_seconds_total",
  help: "Time the event loop spent running code rather than waiting for I/O (Node's event-loop utilization): beside the process CPU time, it tells a busy process from one waiting for a CPU.",
  registers: [registry],
  collect() {
    this.reset();
    this.inc(performance.eventLoopUtilization().active / 1000);
  },
});

const KNOWN_MESSAGES = new Set(Object.keys(ClientMessages));
/** A client-chosen message name as a label: known names, else "unknown" (bounded cardinality). */
export const messageLabel = (name: unknown): string =>
  typeof name === "string" && KNOWN_MESSAGES.has(name) ? name : "unknown";

export const messagesReceived = new Counter({
  name: "datatruc_messages_total",
  help: "Client messages received, by message type.",
  labelNames: ["type"],
  registers: [registry],
});

export const refusals = new Counter({
  name: "datatruc_refusals_total",
  help: "Client messages refused (error replies), by message type and reason code.",
  labelNames: ["type", "reason"],
  registers: [registry],
});

export const frameFaults = new Counter({
  name: "datatruc_frame_faults_total",
  help: "Connections closed for a frame the server cannot read, by fault.",
  labelNames: ["fault"],
  registers: [registry],
});

const actionToPatch = new Histogram({
  name: "datatruc_action_to_patch_seconds",
  help: "From an accepted action's arrival to the state patch that carries it to the clients.",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const storeWrites = new Histogram({
  name: "datatruc_store_write_seconds",
  help: "Store write latency, by operation.",
  labelNames: ["op"],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});

export const restoreDuration = new Histogram({
  name: "datatruc_restore_seconds",
  help: "Time to bring one live session's room back after a start (log replay included).",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** Actions applied since the last patch of one room; the patch that follows carries them. */
export class PatchLatency {
  private pending: number[] = [];

  actionApplied(receivedAt: number): void {
    this.pending.push(receivedAt);
  }

  patchSent(now = performance.now()): void {
    for (const receivedAt of this.pending) actionToPatch.observe((now - receivedAt) / 1000);
    this.pending = [];
  }
}

/** Times an async store write under its operation name. */
export async function timedWrite<T>(op: string, write: () => Promise<T>): Promise<T> {
  const end = storeWrites.startTimer({ op });
  try {
    return await write();
  } finally {
    end();
  }
}
