-- bench_api.lua: the requests of bench_api.sh for wrk.  Each request asks
-- /api/series for a dyad, an interval and sometimes a date range, as a
-- dashboard user moving between dyads would; the choices follow a fixed
-- seed per thread, so every run sends the same mix.  done() prints the
-- figures bench_api.sh reads, one "key value" a line.

-- Countries of bench_store's generated news, the most named first.
local countries = {
  "USA", "CHN", "RUS", "GBR", "IND", "ISR", "IRN", "FRA", "DEU", "UKR", "PAK", "JPN",
  "TUR", "SYR", "PRK", "KOR", "AFG", "SAU", "IRQ", "PSE", "EGY", "AUS", "CAN", "BRA",
}
local intervals = { "day", "week", "month", "month", "month", "year" }

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(1000 + id)
  statuses = {}
end

-- Mostly pairs among the twelve most named countries (what people look
-- at), sometimes any of the list; a third of the requests for one year.
function request()
  local n = math.random(4) == 1 and #countries or 12
  local a = countries[math.random(n)]
  local b = countries[math.random(n)]
  while b == a do b = countries[math.random(n)] end
  local path = "/api/series?dyad=" .. a .. "," .. b .. "&interval=" .. intervals[math.random(#intervals)]
  if math.random(3) == 1 then
    local year = 2015 + math.random(0, 9)
    path = path .. "&from=" .. year .. "-01-01&to=" .. year .. "-12-31"
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do by_status[code] = (by_status[code] or 0) + n end
  end
  local non2xx = 0
  for code, n in pairs(by_status) do
    io.write(string.format("status_%d %d\n", code, n))
    if code < 200 or code > 299 then non2xx = non2xx + n end
  end
  local e = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.3f\n", summary.duration / 1e6))
  io.write(string.format("rps %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p90_ms %.2f\n", latency:percentile(90) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms %.2f\n", latency.max / 1000))
  io.write(string.format("non2xx %d\n", non2xx))
  io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
end
