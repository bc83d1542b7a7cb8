// DNS rebinding: the preview answers only when addressed as localhost, 127.0.0.1 or PREVIEW_HOST.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPreviewBot } from "../../src/preview/adapter.js";
import { startPreviewServer, type RunningPreview } from "../../src/preview/server.js";

let preview: RunningPreview;
beforeAll(async () => {
  preview = await startPreviewServer({ bot: loadPreviewBot(), host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await preview.close();
});

/** A request with a Host header of our choosing (fetch would not let us set it). */
function get(path: string, host: string, method = "GET", body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: preview.port, path, method, headers: { host, ...(body ? { "content-type": "application/json" } : {}) }, timeout: 5_000 }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the preview's Host check", () => {
  it("serves the page and the API at localhost and 127.0.0.1, with or without the port", async () => {
    for (const host of [`localhost:${preview.port}`, `127.0.0.1:${preview.port}`, "127.0.0.1", `LOCALHOST:${preview.port}`]) {
      expect((await get("/", host)).status, host).toBe(200);
    }
    expect((await get("/api/command", `localhost:${preview.port}`, "POST", JSON.stringify({ text: "help" }))).status).toBe(200);
  });

  it("refuses a rebinding site's name on the page and the API, with a message saying where it answers", async () => {
    const page = await get("/", `evil.example:${preview.port}`);
    expect(page.status).toBe(403);
    expect(JSON.parse(page.body).error).toMatch(/localhost, 127\.0\.0\.1 or PREVIEW_HOST/);
    expect((await get("/api/command", `attacker.test:${preview.port}`, "POST", JSON.stringify({ text: "help" }))).status).toBe(403);
    expect((await get("/", `127.0.0.2:${preview.port}`)).status).toBe(403);
  });

  it("also answers at PREVIEW_HOST when it listens on another address", async () => {
    const named = await startPreviewServer({ bot: loadPreviewBot(), host: "127.0.0.2", port: 0 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.2", port: named.port, path: "/", headers: { host: `127.0.0.2:${named.port}` }, timeout: 5_000 }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(200);
    } finally {
      await named.close();
    }
  });
});
