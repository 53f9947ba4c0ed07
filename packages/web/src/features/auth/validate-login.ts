export interface LoginInput {
  email: string;
  password: string;
}

export type LoginFieldErrorKey = "login.error.emailRequired" | "login.error.emailInvalid" | "login.error.passwordRequired";

export type LoginFieldErrors = Partial<Record<keyof LoginInput, LoginFieldErrorKey>>;

// Deliberately loose: something@something.something. The server decides
// whether the account exists; this only catches typing mistakes early.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors as message keys (so they follow the language switch). */
export function validateLogin({ email, password }: LoginInput): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  const trimmedEmail = email.trim();
  if (trimmedEmail === "") errors.email = "login.error.emailRequired";
  else if (!EMAIL_SHAPE.test(trimmedEmail)) errors.email = "login.error.emailInvalid";
  // Not trimmed: spaces can be part of a password.
  if (password === "") errors.password = "login.error.passwordRequired";
  return errors;
}
