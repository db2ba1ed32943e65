import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../src/knowledge/index.js";
import { ValidationError } from "../../src/validation/problem.js";
import { faqDir, topicYaml } from "../helpers/faq-fixtures.js";

describe("reloading the FAQ", () => {
  it("swaps in the new FAQ and a matcher built over it", () => {
    const dir = faqDir({ "kita.yaml": topicYaml("kita") });
    const knowledge = createKnowledge({ faqDir: dir });
    writeFileSync(join(dir, "bus.yaml"), topicYaml("bus"));
    expect(knowledge.reload()).toEqual({ reloaded: true, problems: [] });
    expect(knowledge.get().faq.topics.map((topic) => topic.id)).toEqual(["bus", "kita"]);
    expect(knowledge.get().matcher.match("question one about bus", { lang: "en" }).matches[0]?.id).toBe("bus");
  });

  it("keeps the FAQ in use when the new one has errors, and says what is wrong", () => {
    const dir = faqDir({ "kita.yaml": topicYaml("kita") });
    const knowledge = createKnowledge({ faqDir: dir });
    const before = knowledge.get();
    writeFileSync(join(dir, "bus.yaml"), topicYaml("bus", { related: ["tram"] }));
    const result = knowledge.reload();
    expect(result.reloaded).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ message: 'related topic "tram" does not exist' })]);
    expect(knowledge.get()).toBe(before);
  });

  it("refuses to start with a broken FAQ", () => {
    const dir = faqDir({ "kita.yaml": topicYaml("kita", { related: ["nowhere"] }) });
    expect(() => createKnowledge({ faqDir: dir })).toThrow(ValidationError);
  });
});
