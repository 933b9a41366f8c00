import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockServer } from '../test/mockServer';
import { currentRoute, renderApp } from '../test/render';
import type { User } from '../types/api';

const alice: User = { username: 'alice', displayName: 'Alice Conseil', roles: ['ADVISER'], groups: ['advisers'] };

describe('the header’s notification bell', () => {
  it('shows the unread count as a badge, says it to screen readers, and opens the list', async () => {
    mockServer({
      'GET /api/me': json(alice),
      'GET /api/home': json({ username: 'alice', sections: [] }),
      'GET /api/notifications/unread-count': json({ unread: 3 }),
      'GET /api/notifications': json({ items: [], total: 0, unread: 3, page: 0, size: 20 }),
      'GET /api/me/notification-settings': json({ kinds: [], dailyDigest: false, email: null }),
    });
    renderApp('/home');
    const bell = await screen.findByRole('link', { name: 'Notifications : 3 non lue(s)' });
    expect(bell).toHaveAttribute('href', '#/notifications');
    expect(bell.querySelector('.notification-badge')).toHaveTextContent('3');
    expect(bell.querySelector('.notification-badge')).toHaveAttribute('aria-hidden', 'true');
    await userEvent.click(bell);
    expect(currentRoute()).toBe('/notifications');
  });

  it('shows no badge when nothing is unread, and only the icon when the count cannot be read', async () => {
    mockServer({ 'GET /api/me': json(alice), 'GET /api/home': json({ username: 'alice', sections: [] }) });
    renderApp('/home');
    const bell = await screen.findByRole('link', { name: 'Notifications' });
    expect(bell.querySelector('.notification-badge')).toBeNull();
  });
});
