import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

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

// bpmn-js needs SVG layout (getBBox…) that jsdom does not have: component tests get a viewer
// that records what it was asked to draw; the browser tests run the real one.
vi.mock('bpmn-js/lib/NavigatedViewer', () => ({
  default: class FakeViewer {
    static last: FakeViewer | null = null;
    markers: Array<[string, string]> = [];
    constructor() {
      FakeViewer.last = this;
    }
    importXML() {
      return Promise.resolve({ warnings: [] });
    }
    get() {
      return { zoom: () => undefined, addMarker: (id: string, marker: string) => this.markers.push([id, marker]) };
    }
    destroy() {}
  },
}));
vi.mock('bpmn-js/dist/assets/diagram-js.css', () => ({}));
