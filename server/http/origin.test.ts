import { describe, expect, it } from "vitest";
import { reachFrom } from "./origin.ts";

const local = { protocol: "http", host: "localhost:2567" };
const lan = ["192.168.1.20"];

describe("reachFrom (join links and QR codes)", () => {
  it("uses PUBLIC_URL when it is set, whatever the request", () => {
    const config = { publicUrl: "https://datatruc.example.fr", host: "127.0.0.1" };
    expect(reachFrom(local, config, lan)).toEqual({
      origin: "https://datatruc.example.fr",
      loopbackOnly: false,
    });
  });

  it("keeps the address a request came through when it is not a loopback one", () => {
    const config = { publicUrl: undefined, host: undefined };
    const request = { protocol: "http", host: "192.168.1.20:2567" };
    expect(reachFrom(request, config, lan)).toEqual({
      origin: "http://192.168.1.20:2567",
      loopbackOnly: false,
    });
  });

  it("replaces a loopback address by the network one when the server listens on every interface", () => {
    for (const host of [undefined, "0.0.0.0", "::"]) {
      for (const requestHost of ["localhost:2567", "127.0.0.1:2567", "[::1]:2567"]) {
        expect(
          reachFrom({ protocol: "http", host: requestHost }, { publicUrl: undefined, host }, lan),
        ).toEqual({
          origin: "http://192.168.1.20:2567",
          loopbackOnly: false,
        });
      }
    }
  });

  it("says when only a loopback address exists: bound to loopback, or no network interface", () => {
    expect(reachFrom(local, { publicUrl: undefined, host: "127.0.0.1" }, lan)).toEqual({
      origin: "http://localhost:2567",
      loopbackOnly: true,
    });
    expect(reachFrom(local, { publicUrl: undefined, host: undefined }, [])).toEqual({
      origin: "http://localhost:2567",
      loopbackOnly: true,
    });
  });
});
