import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { countErrors } from "../../src/ops/count-errors.js";

describe("createLogger", () => {
  it("writes JSON lines and redacts secret values and secret-named fields", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      format: "json",
      secrets: ["xoxb-SECRET-TOKEN"],
      write: (l) => lines.push(l),
    });
    logger.info("connected with xoxb-SECRET-TOKEN", { apiKey: "k-123456", user: "U1" });
    logger.debug("hidden at info level");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ level: "info", apiKey: "[redacted]", user: "U1" });
    expect(lines[0]).not.toContain("xoxb-SECRET-TOKEN");
    expect(lines[0]).not.toContain("k-123456");
  });

  it("children carry their fields", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", format: "json", write: (l) => lines.push(l) }).child({
      platform: "slack",
    });
    logger.warn("x", { error: new Error("boom") });
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ platform: "slack", error: { message: "boom" } });
  });
});

describe("countErrors", () => {
  it("counts error lines, children included, and still writes them", () => {
    const lines: string[] = [];
    let count = 0;
    const logger = countErrors(createLogger({ level: "info", format: "json", write: (l) => lines.push(l) }), () => {
      count += 1;
    });
    logger.warn("not counted");
    logger.error("counted");
    logger.child({ platform: "slack" }).error("counted too");
    expect(count).toBe(2);
    expect(lines).toHaveLength(3);
  });
});
