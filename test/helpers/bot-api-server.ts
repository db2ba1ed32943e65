import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { LocalTelegram } from "../../src/local/telegram.js";

/**
 * The in-process Telegram behind a real HTTP port, for tests that run `lotse start` as a separate process
 * (and kill it). Updates are queued by the test and served by getUpdates with long polling; every other
 * method is answered by LocalTelegram, whose faults, messages and calls the test can use as usual.
 */
export class BotApiServer {
  readonly telegram = new LocalTelegram();
  private readonly updates: Update[] = [];
  private readonly waiting = new Set<() => void>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString() || "{}";
      const method = request.url?.split("/").pop() ?? "";
      const reply = (json: unknown, status = 200) =>
        response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (method === "getUpdates") {
        reply({ ok: true, result: await this.nextUpdates(JSON.parse(body) as { offset?: number; timeout?: number }) });
        return;
      }
      const answer = await this.telegram.fetch(`http://local/${method}`, { body });
      response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  push(update: Update): void {
    this.updates.push(update);
    for (const wake of this.waiting) wake();
  }

  async stop(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server?.closeAllConnections();
    this.server?.close();
  }

  /** Updates from `offset` on; waits up to a second for one, as Telegram's long polling would (shortened). */
  private async nextUpdates({ offset = 0 }: { offset?: number }): Promise<Update[]> {
    const pending = () => this.updates.filter((update) => update.update_id >= offset);
    if (pending().length === 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          resolve();
        };
        this.waiting.add(wake);
        setTimeout(wake, 1000);
      });
    }
    return pending();
  }
}
