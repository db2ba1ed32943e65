#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx lotse` works on a fresh clone without a build step.
import { register } from "tsx/esm/api";

register();
// `lotse match --jsonl … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
