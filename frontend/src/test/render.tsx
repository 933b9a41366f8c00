import { render } from '@testing-library/react';
import { App } from '../app/App';

/** Renders the whole app at a client route (hash router). */
export function renderApp(path = '/') {
  window.history.replaceState(null, '', `/#${path}`);
  return render(<App />);
}

export function currentRoute(): string {
  return window.location.hash.replace(/^#/, '');
}
