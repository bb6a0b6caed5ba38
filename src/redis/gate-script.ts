/**
 * The Lua script behind a shared rate gate: one script, four operations (`acquire`, `release`,
 * `pause`, `snapshot`), each run atomically by Redis on the bucket's keys. It is the in-process
 * `RateGate` rules (src/engine/rate-gate.ts) on state kept in Redis, with Redis's `TIME` as the
 * only clock: every time crosses the wire as a delay from now (ms), never as a machine's epoch, so
 * machines whose clocks differ still agree.
 *
 * Keys (one hash tag, so a Redis Cluster keeps them on one node):
 * 1. `g`  hash: the bucket's state (announced quota, window, pause, pacing, adaptive rate, learnt
 *         usage limit, counters);
 * 2. `l`  sorted set: permits in flight (leases), scored by expiry;
 * 3. `li` hash: lease id -> `window|admittedAt|cost`;
 * 4. `d`  hash: process id -> `demand|at` (requests waiting or expected, for pacing);
 * 5. `u`  hash: usage-window log, lease id -> `sent|answered|reached|cost` (answered empty while
 *         pending);
 * 6. `m`  sorted set: sends within the last second (the measured rate).
 *
 * Every operation answers with the state tail: `limit, remaining, resetIn, pausedIn, rate, inFlight,
 * window` (empty strings for unknown), preceded by its own fields.
 *
 * @module
 */

export const GATE_SCRIPT = `
local op = ARGV[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local G, L, LI, D, U, M = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local ttl = tonumber(ARGV[2])
local usageMs = tonumber(ARGV[3])
local r1, r2 = tonumber(ARGV[4]), tonumber(ARGV[5])

local s = {}
local raw = redis.call('HGETALL', G)
for i = 1, #raw, 2 do s[raw[i]] = raw[i + 1] end
local function num(k)
  local v = s[k]
  if v == nil or v == '' then return nil end
  return tonumber(v)
end
local function set(k, v)
  if v == nil then s[k] = '' else s[k] = tostring(v) end
end

local function save()
  local args = {}
  for k, v in pairs(s) do
    args[#args + 1] = k
    args[#args + 1] = v
  end
  if #args > 0 then redis.call('HSET', G, unpack(args)) end
  for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, ttl) end
end

-- usage window (Facebook's percentages): the in-process UsageWindow, on a shared log
local function uparse(v)
  local a, b, c, d = string.match(v, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
  return tonumber(a), tonumber(b), c == '1', tonumber(d)
end
local function usage_sent(id, cost)
  redis.call('HSET', U, id, now .. '||0|' .. cost)
end
local function usage_answered(id, reached)
  local v = redis.call('HGET', U, id)
  if not v then return end
  local se, an, _, co = uparse(v)
  if an then return end
  redis.call('HSET', U, id, se .. '|' .. now .. '|' .. (reached and '1' or '0') .. '|' .. co)
end
local function usage_all(since)
  local list = {}
  local all = redis.call('HGETALL', U)
  local old = since - 60000
  for i = 1, #all, 2 do
    local se, an, re, co = uparse(all[i + 1])
    if an and an <= old then
      redis.call('HDEL', U, all[i])
    else
      list[#list + 1] = { se, an, re, co }
    end
  end
  return list
end
local function usage_learn(pct, sentAt, cost)
  if pct <= 0 or pct > 100 then return end
  local since = now - usageMs
  local counted = cost
  for _, r in ipairs(usage_all(since)) do
    if r[3] and r[1] > since and r[2] < sentAt then counted = counted + r[4] end
  end
  local bound = math.floor((100 * counted) / (pct + 1)) + 1
  set('ulimit', math.max(num('ulimit') or 0, bound))
end
local function usage_blocked(cost)
  local limit = num('ulimit')
  if not limit then return nil end
  local since = now - usageMs
  local pending, answered, answers = 0, 0, {}
  for _, r in ipairs(usage_all(since)) do
    if not r[2] then
      pending = pending + r[4]
    elseif r[2] > since then
      answers[#answers + 1] = { r[2], r[4] }
      answered = answered + r[4]
    end
  end
  local occupied = pending + answered
  local allowed = math.max(1, limit - 1)
  if occupied + cost <= allowed or occupied == 0 then return nil end
  local leaving = math.min(occupied, occupied + cost - allowed)
  local margin = math.min(1000, math.max(20, 0.01 * usageMs))
  if leaving > answered then return now + usageMs end
  table.sort(answers, function(a, b) return a[1] < b[1] end)
  local left = 0
  for _, a in ipairs(answers) do
    left = left + a[2]
    if left >= leaving then return a[1] + usageMs + margin end
  end
  return now + usageMs
end

-- adaptive pacing (AWS adaptive mode / CUBIC), as AdaptivePacer
local function measured()
  redis.call('ZREMRANGEBYSCORE', M, '-inf', now - 1000)
  return redis.call('ZCARD', M)
end
local function grow()
  local rate = num('rate')
  if not rate then return end
  if now - (num('linc') or 0) < 250 then return end
  set('linc', now)
  local ceiling = math.min(num('rmax'), math.max(2 * measured(), num('rinit')))
  if s['slow'] == '1' then
    set('rate', math.max(rate, math.min(ceiling, rate * 2)))
    return
  end
  local tt = (now - (num('lcut') or 0)) / 1000
  local lmax = num('lmax') or 0
  local k = ((lmax * 0.3) / 0.4) ^ (1 / 3)
  local target = 0.4 * (tt - k) ^ 3 + lmax
  set('rate', math.max(rate, math.min(ceiling, target)))
end
local function cut()
  local rate = num('rate')
  if not rate then return end
  set('slow', 0)
  set('lmax', rate)
  set('lcut', now)
  set('rate', math.max(num('rmin'), rate * 0.7))
end

local function pause(untilAt, reason)
  if untilAt > (num('paused') or 0) then
    set('paused', math.floor(untilAt))
    set('preason', reason)
  end
end

local function start_window()
  set('win', (num('win') or 0) + 1)
  set('ifw', 0)
end

-- leases past their expiry: their holders died (or hung); their permits are free again
local function expire()
  local gone = redis.call('ZRANGEBYSCORE', L, '-inf', now)
  for _, id in ipairs(gone) do
    local info = redis.call('HGET', LI, id)
    if info then
      local w = tonumber(string.match(info, '^([^|]*)'))
      if w == (num('win') or 0) then set('ifw', math.max(0, (num('ifw') or 0) - 1)) end
      redis.call('HDEL', LI, id)
    end
    redis.call('ZREM', L, id)
    if usageMs > 0 then usage_answered(id, false) end
  end
end

local function tail(out)
  local reset, paused = num('reset'), num('paused') or 0
  out[#out + 1] = s['limit'] or ''
  out[#out + 1] = s['rem'] or ''
  out[#out + 1] = reset and tostring(reset - now) or ''
  out[#out + 1] = tostring(math.max(0, paused - now))
  out[#out + 1] = s['rate'] or ''
  out[#out + 1] = tostring(redis.call('ZCARD', L))
  out[#out + 1] = tostring(num('win') or 0)
  return out
end

expire()

if op == 'acquire' then
  -- ARGV: 6 lease id prefix, 7 cost, 8 demand, 9 process id, 10 lease ms, 11 reserve,
  --       12 adaptive initial rate ('' for none), 13 min rate, 14 max rate, 15 permits wanted
  -- Admits up to 'wanted' requests in one call (lease ids prefix:1, prefix:2, ...): as many as the
  -- rules allow now. Pacing is by schedule (GCRA): the next send is due 'spacing' after the
  -- previous one was due, not after it was made, so a process that woke late catches up at once
  -- (never past the quota, which every admission reserves).
  local id, cost, demand, client = ARGV[6], tonumber(ARGV[7]), tonumber(ARGV[8]), ARGV[9]
  local leaseMs, reserve = tonumber(ARGV[10]), tonumber(ARGV[11])
  local wanted = math.max(1, tonumber(ARGV[15]) or 1)
  if ARGV[12] ~= '' and not num('rinit') then
    set('rate', tonumber(ARGV[12]))
    set('rinit', tonumber(ARGV[12]))
    set('rmin', tonumber(ARGV[13]))
    set('rmax', tonumber(ARGV[14]))
    set('slow', 1)
  end
  redis.call('HSET', D, client, demand .. '|' .. now)
  if s['refused'] == '1' then return tail({ 'refused' }) end
  local total = 0
  local ds = redis.call('HGETALL', D)
  for i = 1, #ds, 2 do
    local v, at = string.match(ds[i + 1], '^([^|]*)|([^|]*)$')
    if tonumber(at) > now - 10000 then total = total + tonumber(v) else redis.call('HDEL', D, ds[i]) end
  end

  -- why nothing more can be admitted now: a reply, or nil
  local function blocked()
    local paused = num('paused') or 0
    if now < paused then return { 'wait', tostring(paused - now), s['preason'] or 'throttled' } end
    local inflight = redis.call('ZCARD', L)
    if s['probing'] ~= '0' and inflight >= 1 then return { 'slot' } end
    local reset = num('reset')
    if reset and now >= reset then
      -- the window ended: its figures are stale; one request learns the new window's
      start_window()
      set('spread', nil)
      set('rem', nil)
      set('reset', nil)
      set('probing', 1)
      if inflight >= 1 then return { 'slot' } end
    end
    local rem = num('rem')
    reset = num('reset')
    if rem and reset and rem <= reserve then
      if num('exw') ~= reset then
        set('exw', reset)
        set('rjit', r1 * math.min(1000, 0.05 * (reset - now)))
      end
      return { 'wait', tostring(reset + 10 + (num('rjit') or 0) - now), 'quota' }
    end
    -- The window's last moments are not spent: a request admitted then may reach the server after
    -- the reset, in the next window, whose count the gate learns only later (a busy machine can
    -- hold a send for 100 ms and more between admission and the wire). 5 % of the window, 50 ms
    -- to 1 s.
    if rem and reset then
      local guard = math.min(1000, math.max(50, 0.05 * (num('wlen') or 0)))
      if now >= reset - guard then
        return { 'wait', tostring(reset + 10 + r1 * math.min(1000, 0.05 * guard) - now), '' }
      end
    end
    local nxt = num('next') or 0
    if now < nxt then return { 'wait', tostring(nxt - now), '' } end
    if usageMs > 0 then
      local u = usage_blocked(cost)
      if u then return { 'wait', tostring(u + 10 - now), 'quota' } end
    end
    return nil
  end

  local admitted = 0
  local block = nil
  local win = num('win') or 0
  while admitted < wanted do
    block = blocked()
    if block then break end
    admitted = admitted + 1
    local lease = id .. ':' .. admitted
    win = num('win') or 0
    redis.call('ZADD', L, now + leaseMs, lease)
    redis.call('HSET', LI, lease, win .. '|' .. now .. '|' .. cost)
    redis.call('ZADD', M, now, lease)
    if admitted == 1 then redis.call('ZREMRANGEBYSCORE', M, '-inf', now - 1000) end
    set('ifw', (num('ifw') or 0) + 1)
    set('admitted', (num('admitted') or 0) + 1)
    if usageMs > 0 then usage_sent(lease, cost) end
    local rem, reset = num('rem'), num('reset')
    if rem then
      rem = rem - 1
      set('rem', rem)
    end
    total = math.max(0, total - 1)
    local spacing = 0
    local lag = 0
    local rate = num('rate')
    if rate then spacing = 1000 / rate end
    if rem and reset and total > rem then
      local untilAt = num('spread') or reset
      if untilAt > now and (untilAt - now) / (rem + 1) > spacing then
        spacing = (untilAt - now) / (rem + 1)
        -- spreading an announced quota: lateness may be caught up (at most a quarter second's),
        -- since every admission still reserves a unit of the window; an adaptive rate may not
        lag = 250
      end
    end
    set('next', math.max(num('next') or 0, now - lag) + spacing)
  end
  save()
  if admitted > 0 then return tail({ 'ok', tostring(win), tostring(admitted) }) end
  return tail(block)
end

if op == 'release' then
  -- ARGV: 6 lease id, 7 outcome (response | transient | other), 8 kind, 9 limit, 10 remaining,
  --       11 reset in ms, 12 retry-after ms, 13 usage %, 14 min rate
  local id, outcome, kind = ARGV[6], ARGV[7], ARGV[8]
  local info = redis.call('HGET', LI, id)
  local admittedAt, cost = now, 1
  if info then
    local w, a, c = string.match(info, '^([^|]*)|([^|]*)|([^|]*)$')
    admittedAt, cost = tonumber(a), tonumber(c)
    if tonumber(w) == (num('win') or 0) then set('ifw', math.max(0, (num('ifw') or 0) - 1)) end
    redis.call('HDEL', LI, id)
    redis.call('ZREM', L, id)
  end
  if usageMs > 0 then usage_answered(id, outcome == 'response') end
  if outcome ~= 'response' then save() return tail({ 'released' }) end
  if kind == 'refused' then
    set('refused', 1)
    save()
    return tail({ 'released' })
  end
  local limit, remaining, resetIn = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
  local retryAfter, pct = tonumber(ARGV[12]), tonumber(ARGV[13])
  if limit then set('limit', limit) end
  if pct and usageMs > 0 then usage_learn(pct, admittedAt, cost) end
  local resetAt = nil
  if resetIn then resetAt = now + resetIn end
  if resetAt and remaining and resetAt > now then
    set('announced', 1)
    local known = num('reset')
    if known == nil or resetAt > known + 1000 or now >= known then
      -- a new window: trust the server, minus what was sent in it that it has not counted yet
      if known ~= nil and now >= known then start_window() end
      set('reset', math.floor(resetAt))
      set('rem', math.max(0, remaining - (num('ifw') or 0)))
      set('spread', resetAt - 0.1 * (resetAt - now))
      set('wlen', resetAt - now)
    elseif resetAt >= known - 1000 then
      -- the same window: follow the server down, never up (answers arrive out of order)
      set('rem', math.min(num('rem') or remaining, remaining))
    end
  end
  set('probing', 0)
  if kind == 'ok' then
    set('tstreak', 0)
    grow()
    save()
    return tail({ 'released' })
  end
  set('throttles', (num('throttles') or 0) + 1)
  if kind == 'throttled' and admittedAt <= (num('lts') or -1) then save() return tail({ 'released' }) end
  set('lts', now)
  local streak = (num('tstreak') or 0) + 1
  set('tstreak', streak)
  if kind == 'quota-exhausted' then
    local untilAt = resetAt or (now + (retryAfter or 3600000))
    set('rem', 0)
    set('reset', math.floor(untilAt))
    pause(untilAt + r1 * 1000, 'quota-exhausted')
    save()
    return tail({ 'released' })
  end
  local wait
  if retryAfter then
    wait = retryAfter + r1 * math.min(1000, retryAfter * 0.1)
  elseif resetAt and resetAt > now then
    wait = resetAt - now + r1 * math.min(1000, (resetAt - now) * 0.1)
    set('rem', 0)
  else
    local rate = num('rate')
    local base = 1000
    if rate then base = math.max(50, 2 * 1000 / rate) end
    wait = r1 * math.min(20000, base * 2 ^ (streak - 1))
  end
  if streak == 1 then
    if not num('rate') and s['announced'] ~= '1' then
      local minRate = tonumber(ARGV[14])
      local start = math.max(minRate, measured())
      set('rate', start)
      set('rinit', start)
      set('rmin', minRate)
      set('rmax', 1000)
      set('slow', 0)
    end
    cut()
  end
  set('probing', 1)
  pause(now + wait, 'throttled')
  save()
  return tail({ 'released' })
end

if op == 'pause' then
  -- ARGV: 6 pause for ms, 7 reason
  pause(now + tonumber(ARGV[6]), ARGV[7])
  save()
  return tail({ 'paused' })
end

return tail({ 'snapshot' })
`;
