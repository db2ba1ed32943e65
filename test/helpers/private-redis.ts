import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./net.js";

/**
 * A redis-server of a test's own, which the test may stop and start again. It keeps its data in an
 * append-only file in a temporary directory, so a restart finds what was written before, as a production
 * Redis with persistence would.
 */
export class PrivateRedis {
  readonly dir = mkdtempSync(join(tmpdir(), "lotse-redis-"));
  private server?: ChildProcess;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--save", ""];
    this.server = spawn("redis-server", [...args, "--appendonly", "yes", "--appendfsync", "always"], {
      stdio: "ignore",
    });
    this.server.once("error", (error) => {
      throw new Error(`redis-server could not be started (is it installed?): ${error.message}`);
    });
    // Ready once it answers.
    for (let attempt = 0; attempt < 100; attempt++) {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {});
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        probe.disconnect();
      }
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    server.kill("SIGTERM");
    await once(server, "exit");
  }
}
