import { AlertDialog, Button, ButtonGroup, Heading } from "@utrecht/component-library-react";
import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The confirm button stays disabled (e.g. until the name is typed). */
  confirmDisabled?: boolean;
  busy?: boolean;
  type?: "warning" | "error";
  /**
   * Where focus starts: on "cancel" (the safe choice, default) or on the first control
   * (a dialog that asks for input first, like typing a name).
   */
  initialFocus?: "cancel" | "first";
}

/**
 * A modal confirmation on the native <dialog> (Utrecht AlertDialog): the browser
 * traps focus inside it, Escape cancels, and focus returns to the button that
 * opened it. React state decides whether it is open; Escape is routed to onCancel.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmDisabled = false,
  busy = false,
  type = "warning",
  initialFocus = "cancel",
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // happy-dom (component tests) may lack showModal; the open attribute is enough there.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      // showModal focuses the first control, which would be the irreversible "yes".
      if (initialFocus === "cancel") cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open, initialFocus]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      onCancel();
    };
    dialog.addEventListener("cancel", onCancelEvent);
    return () => dialog.removeEventListener("cancel", onCancelEvent);
  }, [onCancel]);

  // Closed, the dialog holds nothing: its text must not count as on the page.
  return (
    <AlertDialog ref={ref} type={type} aria-labelledby={open ? titleId : undefined} aria-modal="true">
      {open && (
        <div className="wijknet-stack">
          <Heading level={2} id={titleId}>
            {title}
          </Heading>
          {children}
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" disabled={confirmDisabled || busy} busy={busy} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button ref={cancelRef} appearance="secondary-action-button" type="button" onClick={onCancel}>
              {cancelLabel}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </AlertDialog>
  );
}
