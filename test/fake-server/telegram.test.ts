import { describe, expect, it } from 'vitest';
import { call, fakeClock, headerObject, start } from './helpers.js';

const TOKEN = '123456:ABC-def_ghIJ';
const accounts = [
  { platform: 'telegram', handle: '@IndoreCollector', id: '-1001234567890', followers: 48_213 },
  { platform: 'telegram', handle: 'closedchannel', followers: 9, state: 'deactivated' },
] as const;

describe('telegram: getChatMemberCount', () => {
  it('answers the member count for @username or chat id, by GET or POST, any method case', async () => {
    const server = await start({ accounts: [...accounts], credentials: { telegram: TOKEN } });
    const bot = `${server.baseUrl('telegram')}/bot${TOKEN}`;
    const expected = { ok: true, result: 48_213 };
    expect((await call(`${bot}/getChatMemberCount?chat_id=@indorecollector`)).body).toEqual(
      expected,
    );
    expect((await call(`${bot}/getchatmembercount?chat_id=-1001234567890`)).body).toEqual(expected);
    expect((await call(`${bot}/getChatMembersCount?chat_id=%40IndoreCollector`)).body).toEqual(
      expected,
    );
    const json = await call(`${bot}/getChatMemberCount`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: '@IndoreCollector' }),
    });
    expect(json.body).toEqual(expected);
    const form = await call(`${bot}/getChatMemberCount`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '-1001234567890' }),
    });
    expect(form.body).toEqual(expected);
  });

  it('answers chat not found, a missing chat_id and an unknown method', async () => {
    const server = await start({ accounts: [...accounts] });
    const bot = `${server.baseUrl('telegram')}/bot${TOKEN}`;
    for (const chat of ['@nobody', '@closedchannel']) {
      const answer = await call(`${bot}/getChatMemberCount?chat_id=${chat}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        ok: false,
        error_code: 400,
        description: 'Bad Request: chat not found',
      });
    }
    expect((await call(`${bot}/getChatMemberCount`)).body.description).toBe(
      'Bad Request: chat_id is empty',
    );
    expect((await call(`${bot}/sendMessage?chat_id=@x`)).status).toBe(404);
  });

  it('refuses a wrong bot token (401 Unauthorized)', async () => {
    const server = await start({ accounts: [...accounts], credentials: { telegram: TOKEN } });
    const answer = await call(
      `${server.baseUrl('telegram')}/bot123456:wrong/getChatMemberCount?chat_id=@IndoreCollector`,
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('throttles with 429 and retry_after in the body, and no headers', async () => {
    const clock = fakeClock(Date.UTC(2026, 6, 2, 12, 34, 56, 789));
    const server = await start({
      accounts: [...accounts],
      clock: clock.read,
      limits: { telegram: { limit: 1, windowMs: 60_000 } },
    });
    const url = `${server.baseUrl('telegram')}/bot${TOKEN}/getChatMemberCount?chat_id=@IndoreCollector`;
    const first = await call(url);
    expect(
      Object.keys(headerObject(first.headers)).filter((name) => /rate|retry/i.test(name)),
    ).toEqual([]);
    const second = await call(url);
    expect(second.status).toBe(429);
    expect(second.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 4',
      parameters: { retry_after: 4 },
    });

    const silent = await start({
      limits: { telegram: { limit: 0, windowMs: 10, announce: false } },
    });
    const quiet = await call(
      `${silent.baseUrl('telegram')}/bot${TOKEN}/getChatMemberCount?chat_id=@x`,
    );
    expect(quiet.status).toBe(429);
    expect(quiet.body).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests' });
  });
});
