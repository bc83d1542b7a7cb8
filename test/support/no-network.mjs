// Preloaded with `node --import` by test/support/offline.ts: any outbound connection, DNS lookup or fetch
// fails and is reported on stderr as "no-network: ...", so a test sees that the program tried.
// Worker threads do not run it; test/support/offline.ts cuts theirs with a network namespace.
import dns from "node:dns";
import net from "node:net";

const refuse = (what) => {
  process.stderr.write(`no-network: ${what} attempted\n`);
  return new Error(`no-network: ${what} refused`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = args[0];
  // Local IPC (the path form) is not network; everything else is.
  if (options && typeof options === "object" && "path" in options && !("port" in options)) return connect.apply(this, args);
  throw refuse("connect");
};
dns.lookup = (host, ...rest) => {
  const callback = rest.at(-1);
  const error = refuse(`dns.lookup(${host})`);
  if (typeof callback === "function") process.nextTick(() => callback(error));
};
dns.promises.lookup = async (host) => {
  throw refuse(`dns.lookup(${host})`);
};
globalThis.fetch = async (input) => {
  throw refuse(`fetch(${String(input)})`);
};
