/** A logger that also counts its error lines (platform adapters report their failures by logging them). */
import type { Logger } from "../core/ports.js";

export function countErrors(logger: Logger, onError: () => void): Logger {
  return {
    debug: (message, fields) => logger.debug(message, fields),
    info: (message, fields) => logger.info(message, fields),
    warn: (message, fields) => logger.warn(message, fields),
    error: (message, fields) => {
      onError();
      logger.error(message, fields);
    },
    child: (fields) => countErrors(logger.child(fields), onError),
  };
}
