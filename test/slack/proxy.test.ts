// HTTPS_PROXY / HTTP_PROXY / NO_PROXY: Web API calls, response_url posts and the Socket Mode WebSocket all
// go through a CONNECT proxy when one is set (as on networks with no direct egress), and NO_PROXY hosts don't.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startHttpTestApp, startSocketTestApp } from "../support/app.js";
import { startFakeSlackApi } from "../support/fake-slack-api.js";
import { startConnectProxy, type ConnectProxy } from "../support/connect-proxy.js";
import { channelMessage } from "../support/payloads.js";
import { postEvent, postSlashCommand } from "../support/sign.js";

let proxy: ConnectProxy;
beforeEach(async () => {
  proxy = await startConnectProxy();
});
afterEach(async () => {
  await proxy.close();
});

const portOf = (url: string): string => new URL(url).port;

describe("through a CONNECT proxy", () => {
  it("HTTP mode: the Web API and response_url posts go through tunnels to Slack's hosts", async () => {
    const t = await startHttpTestApp({ proxy: { httpProxy: proxy.url, httpsProxy: undefined, noProxy: undefined } });
    try {
      const apiTarget = `127.0.0.1:${portOf(t.api.apiUrl)}`;
      // auth.test at start already went through the proxy.
      expect(proxy.tunnels).toContain(apiTarget);
      await postEvent(t.baseUrl, t.signingSecret, channelMessage("BRK_MT_SETUP_TIMEOUT seen"));
      await t.api.waitForCalls("chat.postMessage", 1);
      // A response URL on a host of its own, so its tunnel is told apart from the Web API's.
      const hooks = await startFakeSlackApi();
      try {
        await postSlashCommand(t.baseUrl, t.signingSecret, { text: "auto status", response_url: hooks.responseUrl("px") });
        await hooks.waitForResponsePost("px");
      } finally {
        await hooks.close();
      }
      expect(await t.running.inFlight.drained(5_000)).toBe(true);
      expect(new Set(proxy.tunnels)).toEqual(new Set([apiTarget, `127.0.0.1:${portOf(hooks.apiUrl)}`]));
    } finally {
      await t.close();
    }
  });

  it("Socket Mode: apps.connections.open and the WebSocket go through tunnels", async () => {
    const t = await startSocketTestApp({ proxy: { httpProxy: proxy.url, httpsProxy: undefined, noProxy: undefined } });
    try {
      await t.socket.waitForConnection();
      expect(proxy.tunnels).toContain(`127.0.0.1:${portOf(t.api.apiUrl)}`);
      expect(proxy.tunnels).toContain(`127.0.0.1:${portOf(t.socket.url)}`);
    } finally {
      await t.close();
    }
  });

  it("NO_PROXY hosts are reached directly: no tunnel at all", async () => {
    const t = await startHttpTestApp({ proxy: { httpProxy: proxy.url, httpsProxy: undefined, noProxy: "localhost,127.0.0.1" } });
    try {
      await postEvent(t.baseUrl, t.signingSecret, channelMessage("AST_MT_SETUP_TIMEOUT seen"));
      await t.api.waitForCalls("chat.postMessage", 1);
      expect(await t.running.inFlight.drained(5_000)).toBe(true);
      expect(proxy.tunnels).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("proxy settings", () => {
  const slack = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "secret0123456789" };

  it("reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY (lower-case names too), and none means direct", () => {
    const config = loadConfig({ ...slack, https_proxy: "http://proxy.corp:3128", HTTP_PROXY: "http://proxy.corp:8080", NO_PROXY: ".corp,localhost" });
    expect(config.mode === "http" && config.proxy).toEqual({ httpsProxy: "http://proxy.corp:3128", httpProxy: "http://proxy.corp:8080", noProxy: ".corp,localhost" });
    const direct = loadConfig(slack);
    expect(direct.mode === "http" && direct.proxy).toBeUndefined();
  });

  it("refuses a proxy that is not an http(s) URL, naming the variable", () => {
    expect(() => loadConfig({ ...slack, HTTPS_PROXY: "proxy.corp:3128" })).toThrow(/^HTTPS_PROXY must be a proxy URL/);
    expect(() => loadConfig({ ...slack, HTTP_PROXY: "socks5://proxy:1080" })).toThrow(/^HTTP_PROXY must be a proxy URL/);
  });
});
