-- wrk script for benches/subscribe-load.sh: POST /subscribe with a new address every request
-- (distinct across threads and runs), counting 2xx and other answers per thread.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  ok, other, n = 0, 0, 0
  run = args[1] or tostring(os.time())
  path = args[2] or "/subscribe"
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  n = n + 1
  local body = "address=load-" .. run .. "-" .. id .. "-" .. n ..
      "%40example.org&language=sv&topic=hamnskolan&frequency=daily&ui=sv&website="
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_other = total_other + t:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f ok=%d non2xx=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, total_ok, total_other,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
