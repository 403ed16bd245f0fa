/**
 * The service worker, served at /sw.js with the build id in it (so every deploy is a new worker).
 *
 * - Hashed build assets, icons and fonts: cache first (they never change under the same URL).
 * - Pages (navigations) and GET /api/v1/*: network first; the last good answer per URL is kept
 *   so the app shell and the last viewed dashboard open offline (the page shows a banner).
 * - No skipWaiting: a new worker waits until every tab of the old one is closed, so updates apply
 *   on the next visit and a page never runs code from two builds.
 * - Logging out deletes the kept answers (they are the store's data).
 */
export function serviceWorkerSource(version: string): string {
  return `/* Salla Analytics service worker, build ${JSON.stringify(version)} */
const VERSION = ${JSON.stringify(version)};
const STATIC_CACHE = 'sa-static-' + VERSION;
const PAGE_CACHE = 'sa-pages-v1';
const DATA_CACHE = 'sa-data-v1';
const PRECACHE = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sa-static-') && k !== STATIC_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function isStatic(url) {
  return url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/') || /\\.(?:woff2?|png|svg|ico)$/.test(url.pathname);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    if (fallbackUrl) {
      const shell = await cache.match(fallbackUrl, { ignoreSearch: true });
      if (shell) return shell;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.waitUntil(Promise.all([caches.delete(DATA_CACHE), caches.delete(PAGE_CACHE)]));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/auth/') || url.pathname === '/sw.js') return;
  if (isStatic(url)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith('/api/v1/')) {
    event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGE_CACHE, '/'));
  }
});
`;
}
