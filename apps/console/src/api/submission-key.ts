import { useCallback, useRef } from 'react';

/**
 * An `Idempotency-Key` per form submission: submitting the same content again (a retry after a
 * timeout or a lost answer) reuses the key, so the server answers with the first result instead
 * of creating a second record; changed content, or a new form after a success, gets a new key.
 */
export function useSubmissionKey(): { keyFor: (content: unknown) => string; done: () => void } {
  const last = useRef<{ content: string; key: string } | null>(null);
  const keyFor = useCallback((content: unknown) => {
    const text = JSON.stringify(content);
    if (last.current?.content !== text) last.current = { content: text, key: randomKey() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}

/** 128 random bits as hex (crypto.randomUUID needs a secure context; getRandomValues does not). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
