import { once } from "node:events";
import { createServer } from "node:net";

/** A port nobody listens on right now, for servers that cannot be asked to pick one themselves. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}
