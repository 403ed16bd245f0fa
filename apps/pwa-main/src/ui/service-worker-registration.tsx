'use client';

import { useEffect } from 'react';

/**
 * Registers /sw.js. A new worker installs in the background and takes over on the next visit
 * (no skipWaiting), so a page never switches code under the merchant's hands.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || process.env.NODE_ENV !== 'production') return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  }, []);
  return null;
}
