import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, csrfToken, request, setUnauthorizedHandler } from './api';
import { applyLanguage } from './i18n';
import { json, mockServer, setCookie } from '../test/mockServer';

describe('api client', () => {
  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on mutating requests, read fresh each time', async () => {
    const server = mockServer({ 'POST /api/cases': json({ id: 1 }, 201) });
    setCookie('XSRF-TOKEN', 'token-1');
    await api.post('/api/cases', { subject: 'x' });
    setCookie('XSRF-TOKEN', 'token-2');
    await api.post('/api/cases', { subject: 'y' });

    const [first, second] = server.callsTo('POST', '/api/cases');
    expect(first.headers['x-xsrf-token']).toBe('token-1');
    expect(second.headers['x-xsrf-token']).toBe('token-2');
    expect(first.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first.body!)).toEqual({ subject: 'x' });
    expect(server.fetchMock.mock.calls[0][1]).toMatchObject({ credentials: 'same-origin' });
  });

  it('does not send the CSRF header on GET', async () => {
    const server = mockServer({ 'GET /api/cases': [] });
    setCookie('XSRF-TOKEN', 'abc');
    await api.get('/api/cases');
    expect(server.calls[0].headers['x-xsrf-token']).toBeUndefined();
  });

  it('calls GET /api/me first when the CSRF cookie is missing', async () => {
    const server = mockServer({
      'GET /api/me': () => {
        setCookie('XSRF-TOKEN', 'from-me');
        return json({ message: 'Non connecté' }, 401);
      },
      'POST /logout': new Response(null, { status: 204 }),
    });
    const result = await request('POST', '/logout');
    expect(result).toBeUndefined();
    expect(server.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/me', 'POST /logout']);
    expect(server.calls[1].headers['x-xsrf-token']).toBe('from-me');
  });

  it('posts the login form url-encoded', async () => {
    const server = mockServer({ 'POST /login': json({ username: 'alice' }) });
    setCookie('XSRF-TOKEN', 't');
    await request('POST', '/login', { form: { username: 'alice', password: 'p&ss=1' } });
    expect(server.calls[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(server.calls[0].body).toBe('username=alice&password=p%26ss%3D1');
  });

  it("maps an error body to an ApiError with the server's message and field errors", async () => {
    mockServer({
      'POST /api/cases': json(
        { status: 400, error: 'Bad Request', message: 'Le sujet est obligatoire.', fieldErrors: { subject: 'Le sujet est obligatoire.' } },
        400,
      ),
    });
    setCookie('XSRF-TOKEN', 't');
    const error = await api.post('/api/cases', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'Le sujet est obligatoire.', fieldErrors: { subject: 'Le sujet est obligatoire.' } });
  });

  it('uses French default messages when the body says nothing', async () => {
    mockServer({
      'GET /api/a': new Response('', { status: 500 }),
      'GET /api/b': new Response('<html>oops</html>', { status: 404 }),
    });
    await expect(api.get('/api/a')).rejects.toThrow('Le serveur a rencontré une erreur. Réessayez dans quelques instants.');
    await expect(api.get('/api/b')).rejects.toThrow("Cette ressource n'existe pas ou plus.");
  });

  it('always shows the fixed access-denied message on 403', async () => {
    mockServer({ 'GET /api/tasks': json({ status: 403, error: 'Forbidden', message: 'Access Denied' }, 403) });
    await expect(api.get('/api/tasks')).rejects.toThrow("Vous n'avez pas accès à cette ressource.");
  });

  it("keeps the server's 403 message when the endpoint explains its refusals, and its own 404 default", async () => {
    mockServer({
      'POST /api/tasks/1/complete': json({ status: 403, message: 'Un autre approbateur doit valider (quatre yeux).' }, 403),
      'POST /api/tasks/2/complete': json({ status: 403, message: 'Access Denied' }, 403),
      'POST /api/tasks/3/complete': json({ status: 404 }, 404),
    });
    setCookie('XSRF-TOKEN', 't');
    const options = { serverMessageOn403: true, defaultMessages: { 404: 'task.notFound' as const } };
    await expect(api.post('/api/tasks/1/complete', {}, options)).rejects.toThrow('Un autre approbateur doit valider (quatre yeux).');
    await expect(api.post('/api/tasks/2/complete', {}, options)).rejects.toThrow("Vous n'avez pas accès à cette ressource.");
    await expect(api.post('/api/tasks/3/complete', {}, options)).rejects.toThrow("Cette tâche n'existe pas ou a déjà été traitée.");
  });

  it('reports a network failure in French, or in English when that is the language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await api.get('/api/cases').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect((error as Error).message).toBe('Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.');

    applyLanguage('en');
    await expect(api.get('/api/cases')).rejects.toThrow('The server cannot be reached. Check your connection and try again.');
    applyLanguage('fr');
  });

  it('tells the app when an /api call answers 401, but not for the login itself', async () => {
    mockServer({
      'GET /api/tasks': json({ message: 'Non authentifié' }, 401),
      'POST /login': json({ message: 'Identifiant ou mot de passe incorrect.' }, 401),
    });
    setCookie('XSRF-TOKEN', 't');
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    await expect(api.get('/api/tasks')).rejects.toThrow('Non authentifié');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(request('POST', '/login', { form: { username: 'x', password: 'y' } })).rejects.toThrow(
      'Identifiant ou mot de passe incorrect.',
    );
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    setUnauthorizedHandler(null);
  });

  it('reads a URL-encoded cookie value', async () => {
    document.cookie = 'XSRF-TOKEN=a%2Bb%3D; path=/';
    mockServer({});
    expect(await csrfToken()).toBe('a+b=');
  });
});
