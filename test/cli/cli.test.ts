import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, runLotse } from "../helpers/cli.js";
import { faqDir, topicYaml } from "../helpers/faq-fixtures.js";

/** Runs the real `lotse` binary, as an admin or a script would. */
const lotse = (args: string[], input?: string) => runLotse(args, { input });

const fixture = faqDir({
  "kita.yaml": topicYaml("kita"),
  "bus.yaml": topicYaml("bus"),
  "rent.yaml": topicYaml("rent"),
});

describe("lotse faq", () => {
  it("check passes a valid FAQ and exits 0", async () => {
    const result = await lotse(["faq", "check", "--dir", fixture, "--strict"]);
    expect(result.stdout).toContain("OK: 3 topics, 0 errors, 0 warnings (strict)");
    expect(result.code).toBe(0);
  });

  it("check lists problems as file:line: message and exits 1", async () => {
    const broken = faqDir({ "a.yaml": topicYaml("a", { related: ["missing"] }) });
    const result = await lotse(["faq", "check", "--dir", broken]);
    expect(result.stdout).toMatch(/a\.yaml:3: related topic "missing" does not exist/);
    expect(result.code).toBe(1);
  });

  it("check --strict fails on missing translations, plain check only warns", async () => {
    const partial = faqDir({ "a.yaml": topicYaml("a", { langs: ["de", "en"] }) });
    expect((await lotse(["faq", "check", "--dir", partial])).code).toBe(0);
    const strict = await lotse(["faq", "check", "--dir", partial, "--strict"]);
    expect(strict.stdout).toMatch(/a\.yaml:\d+: warning: missing translation: ar/);
    expect(strict.code).toBe(1);
  });

  it("export --json prints every topic with its languages", async () => {
    const result = await lotse(["faq", "export", "--json", "--dir", fixture]);
    const exported = JSON.parse(result.stdout) as {
      topics: Array<{ id: string; category: string; related: string[]; languages: Record<string, { title: string }> }>;
    };
    expect(exported.topics.map((t) => t.id)).toEqual(["bus", "kita", "rent"]);
    expect(Object.keys(exported.topics[0]?.languages ?? {})).toHaveLength(8);
    expect(exported.topics[0]).toMatchObject({ category: "arrival", related: [] });
  });
});

describe("lotse match", () => {
  it("--jsonl answers every input line with one output line, in order, bad lines included", async () => {
    const input = [
      JSON.stringify({ text: "question about kita", lang: "en" }),
      "not json",
      JSON.stringify({ text: "Hallo" }),
      "",
      JSON.stringify({ text: "rent", lang: "xx" }),
    ].join("\n");
    const result = await lotse(["match", "--jsonl", "--dir", fixture], input);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ text: "question about kita", lang: "en" });
    expect(lines[0].matches[0].id).toBe("kita");
    expect(lines[0].matches[0].confidence).toBeGreaterThan(0);
    expect(lines[0].matches[0].confidence).toBeLessThanOrEqual(1);
    expect(Object.keys(lines[0])).toEqual(["text", "lang", "decision", "matches"]);
    expect(lines[1]).toMatchObject({ error: "invalid JSON" });
    expect(lines[2]).toMatchObject({ text: "Hallo", decision: "smalltalk" });
    expect(lines[3].text).toBe("rent");
  });

  it("prints decision, language and the top matches for one message", async () => {
    const result = await lotse(["match", "question about kita", "--lang", "en", "--dir", fixture]);
    expect(result.stdout).toMatch(/^decision: /m);
    expect(result.stdout).toMatch(/^language: en$/m);
    expect(result.stdout).toMatch(/^1\. kita {2}\d\.\d{3} {2}Title en$/m);
  });

  it("--jsonl ends quietly when its reader stops early, as `| head -1` does", async () => {
    const child = spawn("node", [BIN, "match", "--jsonl", "--dir", fixture], { env: cleanEnv() });
    child.stdin.on("error", () => {});
    child.stdin.end(`${JSON.stringify({ text: "question about kita" })}\n`.repeat(5000));
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    await new Promise((resolve) => child.stdout.once("data", resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("rejects an unknown language code with a clear message", async () => {
    const result = await lotse(["match", "hi", "--lang", "xx", "--dir", fixture]);
    expect(result.stderr).toContain('unknown language "xx"');
    expect(result.code).toBe(2);
  });
});
