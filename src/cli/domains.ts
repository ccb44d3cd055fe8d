/**
 * `npm run domains -- "<intent>"`: the top 3 domains retrieved for an intent, one JSON object a
 * line, best first. An operator's window into retrieval.
 */
import { loadLibrary } from "../core/library/load-library.js";
import { createRetriever } from "../core/retrieval/create-retriever.js";

const intent = process.argv.slice(2).join(" ").trim();
if (!intent) {
  process.stderr.write('usage: npm run domains -- "<intent>"\n');
  process.exit(2);
}
const retriever = createRetriever(loadLibrary().domains);
for (const hit of retriever.domains(intent, 3)) process.stdout.write(`${JSON.stringify(hit)}\n`);
