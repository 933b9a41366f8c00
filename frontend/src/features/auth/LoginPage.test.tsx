import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { alice, bob, json, mockServer, setCookie } from '../../test/mockServer';
import { currentRoute, renderApp } from '../../test/render';
import { taskPage } from '../../test/tasks';

const notLoggedIn = () => json({ status: 401, message: 'Non authentifié' }, 401);

describe('login', () => {
  it('goes to the login page when nobody is logged in', async () => {
    mockServer({ 'GET /api/me': notLoggedIn });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(currentRoute()).toBe('/login');
    expect(screen.queryByRole('button', { name: 'Se déconnecter' })).not.toBeInTheDocument();
  });

  it("shows the server's message when the credentials are wrong", async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/me': notLoggedIn,
      'POST /login': json({ message: 'Identifiant ou mot de passe incorrect.' }, 401),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText("Identifiant"), 'alice');
    await userEvent.type(screen.getByLabelText("Mot de passe"), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Identifiant ou mot de passe incorrect.');
    expect(currentRoute()).toBe('/login');
    const login = server.callsTo('POST', '/login')[0];
    expect(login.body).toBe('username=alice&password=wrong');
    expect(login.headers['x-xsrf-token']).toBe('tok');
  });

  it('asks for both fields before calling the server', async () => {
    const server = mockServer({ 'GET /api/me': notLoggedIn });
    renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Saisissez votre identifiant et votre mot de passe.');
    expect(server.callsTo('POST', '/login')).toHaveLength(0);
  });

  it('lands an adviser on her home, « Ce qui m\'attend », with the adviser navigation', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    mockServer({
      'GET /api/me': notLoggedIn,
      'POST /login': json(alice),
      'GET /api/home': json({ username: 'alice', sections: [] }),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText("Identifiant"), 'alice');
    await userEvent.type(screen.getByLabelText("Mot de passe"), 'alice');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('heading', { level: 1, name: "Ce qui m'attend" })).toBeInTheDocument();
    expect(currentRoute()).toBe('/home');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(nav).toHaveTextContent('Mes demandes');
    expect(nav).toHaveTextContent('Nouvelle demande');
    // the hand-drafting task may come back to the adviser who asked
    expect(nav).toHaveTextContent('Tâches');
    expect(screen.getByText('Alice Durand')).toBeInTheDocument();
    expect(await screen.findByText("Rien ne vous attend aujourd'hui : vos écrans sont ci-dessous.")).toBeInTheDocument();
  });

  it('lands an expert on his home, whose tasks open the task page', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    mockServer({
      'GET /api/me': notLoggedIn,
      'POST /login': json(bob),
      'GET /api/home': json({
        username: 'bob',
        sections: [{ key: 'tasks.toTake', order: 20, count: 0, link: '/tasks', items: [] }],
      }),
      'GET /api/tasks': taskPage([]),
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText("Identifiant"), 'bob');
    await userEvent.type(screen.getByLabelText("Mot de passe"), 'bob');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: "Ce qui m'attend" })).toBeInTheDocument();
    expect(currentRoute()).toBe('/home');
    await userEvent.click(await screen.findByRole('link', { name: 'Tout voir (0)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes tâches' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâches' })).toHaveAttribute('aria-current', 'page');
  });

  it('logs out and returns to the login page', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({ 'GET /api/me': json(bob), 'GET /api/tasks': taskPage([]), 'POST /logout': new Response(null, { status: 204 }) });
    renderApp('/tasks');
    await userEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(server.callsTo('POST', '/logout')[0].headers['x-xsrf-token']).toBe('tok');
  });

  it('sends a person whose session expired back to the login page, then to where they were', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    let loggedIn = true;
    let expired = false;
    mockServer({
      'GET /api/me': () => (loggedIn ? json(bob) : notLoggedIn()),
      'GET /api/tasks': () => {
        if (!expired) {
          // the session times out between the page load and its first request
          expired = true;
          loggedIn = false;
        }
        return loggedIn ? json(taskPage([])) : notLoggedIn();
      },
      'POST /login': () => {
        loggedIn = true;
        return json(bob);
      },
    });
    renderApp('/tasks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(currentRoute()).toBe('/login?next=%2Ftasks');
    await userEvent.type(screen.getByLabelText('Identifiant'), 'bob');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'bob');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('Aucune tâche en attente.')).toBeInTheDocument();
    expect(currentRoute()).toBe('/tasks');
  });

  it('refuses an adviser screen to an expert', async () => {
    mockServer({ 'GET /api/me': json(bob) });
    renderApp('/cases/new');
    expect(await screen.findByRole('alert')).toHaveTextContent("Vous n'avez pas accès à cette ressource.");
  });
  it('offers « Se connecter avec … » for each single sign-on provider, beside the form', async () => {
    mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/login-options': json({
        formEnabled: true,
        providers: [{ id: 'corporate', name: 'Keycloak', loginUrl: '/oauth2/authorization/corporate' }],
      }),
    });
    renderApp('/login');
    const sso = await screen.findByRole('link', { name: 'Se connecter avec Keycloak' });
    expect(sso).toHaveAttribute('href', '/oauth2/authorization/corporate');
    expect(screen.getByText('ou avec votre identifiant et votre mot de passe :')).toBeInTheDocument();
    expect(screen.getByLabelText('Identifiant')).toBeInTheDocument();
  });

  it('shows only the provider when the form login is switched off', async () => {
    mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/login-options': json({
        formEnabled: false,
        providers: [{ id: 'corporate', name: "l'annuaire du groupe", loginUrl: '/oauth2/authorization/corporate' }],
      }),
    });
    renderApp('/login');
    expect(await screen.findByRole('link', { name: "Se connecter avec l'annuaire du groupe" })).toBeInTheDocument();
    expect(screen.queryByLabelText('Identifiant')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Se connecter' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Notre usage de l'IA" })).toBeInTheDocument();
  });

  it('says so when the provider sent the person back without a session', async () => {
    mockServer({
      'GET /api/me': notLoggedIn,
      'GET /api/public/login-options': json({ formEnabled: true, providers: [{ id: 'corporate', name: 'Keycloak', loginUrl: '/oauth2/authorization/corporate' }] }),
    });
    renderApp('/login?sso=failed');
    expect(await screen.findByRole('alert')).toHaveTextContent("La connexion par l'authentification unique n'a pas abouti.");
  });

  it('shows the form alone when no provider is configured', async () => {
    mockServer({ 'GET /api/me': notLoggedIn, 'GET /api/public/login-options': json({ formEnabled: true, providers: [] }) });
    renderApp('/login');
    expect(await screen.findByLabelText('Identifiant')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Se connecter avec/ })).not.toBeInTheDocument();
  });
});
