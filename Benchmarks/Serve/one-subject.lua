-- wrk script: POST /v1/evaluate of one member given inline (the body file
-- next to this script), as a portal asking "is this person eligible?".
local f = assert(io.open(os.getenv("BODY") or "Benchmarks/Serve/one-subject.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", bad,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
