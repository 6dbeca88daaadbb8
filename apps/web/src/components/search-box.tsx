'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isTyping } from './keyboard/is-typing';

/** The header's search box: Enter opens the results page; `/` anywhere else focuses it. */
export function SearchBox({ action }: { action: '/search' | '/portal/search' }) {
  const router = useRouter();
  const params = useSearchParams();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      role="search"
      className="header-search"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(`${action}?${new URLSearchParams({ q }).toString()}`);
      }}
    >
      <input
        ref={input}
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search ( / )"
        aria-label="Search incidents"
        aria-keyshortcuts="/"
      />
    </form>
  );
}
