-- wrk script for bench/cluster.sh: readers going round the paths in $PATHS_FILE (one a line), gzip like a
-- browser, every answer counted by status; done() prints "status CODE COUNT" lines for the script to read.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = {}
local n = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  n = math.random(#paths)
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], { ["Accept-Encoding"] = "gzip" })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do
      total[code] = (total[code] or 0) + count
    end
  end
  for code, count in pairs(total) do
    io.write(string.format("status %d %d\n", code, count))
  end
  local e = summary.errors
  io.write(string.format("socket_errors connect %d read %d write %d timeout %d\n", e.connect, e.read, e.write, e.timeout))
  io.write(string.format("requests %d seconds %.1f p50_ms %.2f p99_ms %.2f\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
