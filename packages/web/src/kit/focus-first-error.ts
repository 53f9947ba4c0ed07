import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Moves focus to the first invalid control of a form (in document order) after
 * the render that marked it, so forms with repeated rows need no ref per field.
 */
export function useFocusFirstError<T extends HTMLElement>() {
  const containerRef = useRef<T>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request]);
  const focusFirstError = useCallback(() => setRequest((n) => n + 1), []);
  return { containerRef, focusFirstError };
}
