/* global window, fetch */
// Asks who is logged in while the app's JavaScript still downloads and compiles (P4, issue 18):
// the app's first GET /api/me takes this answer instead of asking once it runs (lib/auth/api.ts).
window.tandemMe = fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
window.tandemMe.catch(function () {
  // the app reports a network failure when it reads this answer
});
