/**
 * `hf:` URIs as node-llama-cpp downloads them, and the file name each one is saved under in the
 * models folder, known without network so a second start finds the file offline.
 *   hf:user/repo/path/file.gguf[#branch]  → file.gguf
 *   hf:user/repo:QUANT                    → repo-QUANT.gguf (a trailing -GGUF dropped from repo)
 *   hf:user/repo                          → repo.gguf
 */
const HF_URI = /^hf:([\w.-]+)\/([\w.-]+)(?:\/([^\s#]+\.gguf)(?:#[\w.-]+)?|:([\w.-]+))?$/i;

export const isHfUri = (value: string): boolean => value.toLowerCase().startsWith("hf:");

/** The file name for a valid `hf:` URI; undefined when the URI is malformed. */
export function hfFileName(uri: string): string | undefined {
  const match = HF_URI.exec(uri);
  if (!match) return undefined;
  const [, , repo = "", filePath, quant] = match;
  if (filePath) return filePath.split("/").at(-1);
  const stem = repo.replace(/-gguf$/i, "");
  return quant ? `${stem}-${quant}.gguf` : `${stem}.gguf`;
}

/** The Hugging Face endpoint node-llama-cpp will download from (it honours the same variables). */
export function huggingFaceEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  for (const candidate of [env.MODEL_ENDPOINT, env.HF_ENDPOINT]) {
    if (candidate && /^https?:\/\//.test(candidate)) return candidate;
  }
  return "https://huggingface.co/";
}
