import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NavLink, matchPath, navigate, takeNavigationState, useLocation } from './router';

function Where() {
  const { pathname, query } = useLocation();
  return (
    <p>
      {pathname}|{query.get('next')}
    </p>
  );
}

describe('router', () => {
  it('matches patterns with parameters', () => {
    expect(matchPath('/cases/:id', '/cases/12')).toEqual({ id: '12' });
    expect(matchPath('/cases/new', '/cases/12')).toBeNull();
    expect(matchPath('/tasks/:id', '/tasks/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/cases', '/cases/12')).toBeNull();
  });

  it('follows navigate(), hands state over once and marks the current link', () => {
    render(
      <>
        <Where />
        <NavLink to="/tasks">Tâches</NavLink>
      </>,
    );
    act(() => navigate('/tasks?next=%2Fx', { state: { id: 1 } }));
    expect(screen.getByText('/tasks|/x')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâches' })).toHaveAttribute('aria-current', 'page');
    expect(window.location.hash).toBe('#/tasks?next=%2Fx');
    expect(takeNavigationState('/tasks?next=%2Fx')).toEqual({ id: 1 });
    expect(takeNavigationState('/tasks?next=%2Fx')).toBeUndefined();
  });
});
