/**
 * The client's first check of a new password: the server's rule (NIST SP 800-63B: at least
 * 12 characters, counted as characters) before sending. The common-password list and the
 * other checks stay on the server; its `reason` is shown at the field.
 */
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordError =
  | "password.error.required"
  | "password.error.tooShort"
  | "password.error.tooLong"
  | "password.error.common"
  | "password.error.context"
  | "password.error.mismatch";

export function checkNewPassword(password: string, repeat: string): { password?: PasswordError; repeat?: PasswordError } {
  const length = [...password].length;
  if (length === 0) return { password: "password.error.required" };
  if (length < PASSWORD_MIN_LENGTH) return { password: "password.error.tooShort" };
  if (length > 1024) return { password: "password.error.tooLong" };
  if (password !== repeat) return { repeat: "password.error.mismatch" };
  return {};
}

/** The server's `reason` for a refused password, as a message key. */
export function serverPasswordError(reasons: readonly string[]): PasswordError | null {
  if (reasons.includes("PASSWORD_TOO_SHORT")) return "password.error.tooShort";
  if (reasons.includes("PASSWORD_TOO_LONG")) return "password.error.tooLong";
  if (reasons.includes("PASSWORD_COMMON")) return "password.error.common";
  if (reasons.includes("PASSWORD_CONTEXT")) return "password.error.context";
  return null;
}
