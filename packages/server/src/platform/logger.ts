import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import type { Config } from "./config.js";

export type { Logger };

/**
 * Structured JSON logs. Tokens, passwords and personal data never belong in a log line:
 * the redact list is a safety net, not permission to log request bodies.
 */
export function createLogger(config: Pick<Config, "LOG_LEVEL" | "INSTANCE_ID">, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { instance: config.INSTANCE_ID },
    redact: {
      paths: ["*.authorization", "*.password", "*.token", "*.headers.authorization", "*.connectionParams"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
