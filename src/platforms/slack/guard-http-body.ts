/**
 * Bolt's HTTP receiver reads `body.ssl_check` right after parsing: a signed body that is valid JSON
 * but not an object (`null`, a number, a list) throws there, inside an async listener, so the request
 * never gets an answer and the process gets an unhandled rejection (found by the fault suite's fuzzer).
 * Bolt's own parser is wrapped once so such a body counts as malformed: Bolt answers it with a 400.
 */
import { HTTPModuleFunctions } from "@slack/bolt";

type Parse = typeof HTTPModuleFunctions.parseHTTPRequestBody;
let guarded = false;

export function guardHttpBodies(): void {
  if (guarded) return;
  guarded = true;
  const functions = HTTPModuleFunctions as unknown as { parseHTTPRequestBody: Parse };
  const parse = functions.parseHTTPRequestBody;
  functions.parseHTTPRequestBody = (request) => {
    const body: unknown = parse(request);
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new SyntaxError("the request body is not a JSON object");
    return body as ReturnType<Parse>;
  };
}
