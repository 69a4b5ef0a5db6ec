-- wrk script of bench/load.py. Every request comes from its own visitor address (X-Forwarded-For,
-- trusted behind a proxy as in production), so per-address rate limits count visitors apart.
--
-- BENCH_MODE:
--   get     GET the paths listed in the file BENCH_PATHS, in turn;
--   lookup  GET the status lookup addresses in BENCH_PATHS (code + ?ma=secret, answered with a
--           redirect and the cookie that unlocks it), then the status page with that cookie;
--   post    POST the body in the file BENCH_BODY (BENCH_CONTENT_TYPE) to the first path, with the
--           CSRF cookie BENCH_COOKIE; "{{KEY}}" in the body becomes a new idempotency key.
-- At the end one JSON line with the figures is printed for load.py.

local mode = os.getenv("BENCH_MODE")
local paths = {}
local body_template = nil
local threads = {}
local counter = 0
local turn = 0
local pending = nil

local function read(name)
  local file = assert(io.open(name, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in read(os.getenv("BENCH_PATHS")):gmatch("[^\n]+") do
    table.insert(paths, line)
  end
  if mode == "post" then
    body_template = read(os.getenv("BENCH_BODY"))
  end
  math.randomseed(id * 7919)
end

local function visitor()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

function request()
  local headers = { ["X-Forwarded-For"] = visitor() }
  if mode == "post" then
    counter = counter + 1
    headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE")
    headers["Cookie"] = os.getenv("BENCH_COOKIE")
    local key = string.format("bench-%d-%d-%d", id, os.time(), counter)
    local body = body_template:gsub("{{KEY}}", key)
    return wrk.format("POST", paths[1], headers, body)
  end
  if mode == "lookup" and pending then
    headers["Cookie"] = pending.cookie
    local location = pending.location
    pending = nil
    return wrk.format("GET", location, headers)
  end
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn], headers)
end

function response(status, headers, body)
  if mode == "lookup" and status == 302 then
    local cookie = headers["Set-Cookie"] or headers["set-cookie"]
    local location = headers["Location"] or headers["location"]
    if cookie and location then
      pending = { cookie = cookie:match("^[^;]+"), location = location }
    end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
