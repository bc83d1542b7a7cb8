// Direction between components: near-twin codes that share every word are told apart by who reaches whom.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { directionOf, directionOfEntry } from "../../src/search/direction.js";
import { createSearch } from "../../src/search/index.js";

const catalog = loadCatalog();
const search = createSearch(catalog);
const entry = (code: string) => catalog.entries.find((e) => e.code === code)!;

describe("direction of a query", () => {
  it("reads the first component and the one a pointing word leads to, in any of their names", () => {
    expect(directionOf("CA cannot talk to the service edge")).toEqual({ from: "CA", to: "SE" });
    expect(directionOf("broker can't communicate with the dispatcher")).toEqual({ from: "SE", to: "CA" });
    expect(directionOf("health request from the CA to the connector expired")).toEqual({ from: "CA", to: "AC" });
    expect(directionOf("zcc closed its connection to the service edge")).toEqual({ from: "CLT", to: "SE" });
  });

  it("reads no direction from one component, or from a group named after one", () => {
    expect(directionOf("service edge socket error")).toBeNull();
    expect(directionOf("no connector group is attached to the server group")).toBeNull();
  });
});

describe("direction of an entry", () => {
  it("comes from the code (TO_, FROM_) or the title (to, with; not 'due to')", () => {
    expect(directionOfEntry(entry("DSP_MT_SETUP_FAIL_CANNOT_SEND_TO_BROKER"))).toEqual({ from: "CA", to: "SE" });
    expect(directionOfEntry(entry("BRK_MT_SETUP_FAIL_CANNOT_SEND_TO_DISPATCHER"))).toEqual({ from: "SE", to: "CA" });
    expect(directionOfEntry(entry("BRK_MT_CLOSED_FROM_CLIENT"))).toEqual({ from: "CLT", to: "SE" });
    expect(directionOfEntry(entry("AST_MT_SETUP_TIMEOUT_CANNOT_CONN_TO_SERVER"))).toEqual({ from: "AC", to: "SERVER" });
    expect(directionOfEntry(entry("FOHH_CLOSE_REASON_SNI_MISSING"))).toBeNull();
  });
});

describe("resolver on near-twins", () => {
  it.each([
    ["CA cannot talk to the service edge", "DSP_MT_SETUP_FAIL_CANNOT_SEND_TO_BROKER"],
    ["the service edge cannot talk to the CA", "BRK_MT_SETUP_FAIL_CANNOT_SEND_TO_DISPATCHER"],
    ["dispatcher unable to reach the broker", "DSP_MT_SETUP_FAIL_CANNOT_SEND_TO_BROKER"],
    ["broker unable to reach the dispatcher", "BRK_MT_SETUP_FAIL_CANNOT_SEND_TO_DISPATCHER"],
  ])("leads %j with %s", (query, code) => {
    expect(search.resolve(query).match?.code).toBe(code);
  });

  it("answers a plainly directional question made only of common words", () => {
    const result = search.resolve("connector cannot reach the service edge");
    expect(result.match?.code).toMatch(/^AST_MT_SETUP_/);
    expect(result.match?.code).toMatch(/BROKER|FOHH_MCONN/);
  });
});
