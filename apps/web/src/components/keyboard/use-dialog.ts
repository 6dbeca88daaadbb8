'use client';

import { useEffect, useRef, type RefObject } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element focus should go back to: what had it when a dialog opened. */
export const currentFocus = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;

/**
 * Focus `el` once it is in the document (and still focusable), else `fallback`, unless something
 * else has taken focus meanwhile: a palette command that opens a form puts focus in that form, and
 * the palette closing must not pull it back.
 */
export function returnFocus(el: HTMLElement | null, fallback?: () => HTMLElement | null) {
  // After React has removed the dialog: the opener may itself re-render first.
  setTimeout(() => {
    const now = document.activeElement;
    if (now instanceof HTMLElement && now !== document.body && now.isConnected) return;
    const target =
      el && el.isConnected && !el.hasAttribute('disabled') ? el : (fallback?.() ?? null);
    target?.focus();
  }, 0);
}

/**
 * A modal dialog's keyboard contract: focus moves in (the `[autofocus]` element or the first
 * focusable one), Tab and Shift-Tab stay inside, Escape closes, and on close focus returns to
 * whatever had it when the dialog opened.
 */
export function useDialog(ref: RefObject<HTMLElement | null>, onClose: () => void) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = currentFocus();
    const root = ref.current;
    if (!root) return;
    const first =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>(focusable);
    (first ?? root).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(focusable)];
      if (items.length === 0) return e.preventDefault();
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey
        ? i <= 0
          ? items.length - 1
          : i - 1
        : i === items.length - 1
          ? 0
          : i + 1;
      e.preventDefault();
      items[next]!.focus();
    };
    root.addEventListener('keydown', onKey);
    return () => {
      root.removeEventListener('keydown', onKey);
      returnFocus(opener);
    };
  }, [ref]);
}
