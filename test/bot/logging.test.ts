import { describe, expect, it } from "vitest";
import { useBots } from "../helpers/telegram.js";

const bots = useBots();

describe("logs", () => {
  it("say what happened without message texts, names or Telegram ids", async () => {
    const log: string[] = [];
    const user = bots.user(bots.bot({ log }), "de");
    await user.send("/start");
    await user.press("English");
    await user.send("Ich suche einen Kinderarzt für meine Tochter Leyla");
    await user.send("my husband Karim is unconscious");
    await user.sendMessage({ voice: { file_id: "f", file_unique_id: "u", duration: 2 } });

    const lines = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((line) => line.msg === "question" && line.decision === "emergency")).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "language chosen", lang: "en" }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "update handled", kind: "message:voice" }));
    const all = log.join("\n");
    for (const secret of ["Leyla", "Karim", "Kinderarzt", "unconscious", "Amira", String(user.from.id)]) {
      expect(all).not.toContain(secret);
    }
  });
});
