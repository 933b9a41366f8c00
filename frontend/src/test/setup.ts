import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The machines that run these tests are small and busy: give async queries room.
configure({ asyncUtilTimeout: 15000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.location.hash = '';
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
});
