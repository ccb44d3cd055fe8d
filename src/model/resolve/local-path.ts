/**
 * A local file named in TAILOR_MODEL or TAILOR_LORA: relative to the working directory, with a
 * leading `~/` meaning the home folder (a `.env` file or a compose file does not expand it the way
 * a shell does).
 */
import os from "node:os";
import path from "node:path";

export function resolveLocalPath(value: string, cwd: string, home: string = os.homedir()): string {
  if (value === "~") return home;
  if (value.startsWith("~/")) return path.join(home, value.slice(2));
  return path.resolve(cwd, value);
}
