-- wrk script: cycles through the request paths listed in the file named by $PATHS_FILE, and prints the latency
-- percentiles the benchmark compares (wrk's --latency prints 50/75/90/99 but not 95).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = 0
local auth = os.getenv("BASIC_AUTH")
-- UNIQUE=1 adds a random, ignored parameter to every request so that no page cache can answer it.
local unique = os.getenv("UNIQUE") == "1"

request = function()
  counter = counter % #paths + 1
  local headers = {}
  if auth and #auth > 0 then headers["Authorization"] = "Basic " .. auth end
  local path = paths[counter]
  if unique then
    local sep = "?"
    if string.find(path, "?", 1, true) then sep = "&" end
    path = path .. sep .. "r=" .. math.random(1, 1000000000)
  end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.0f requests=%d errors=%d\n",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests / (summary.duration / 1000000), summary.requests, errors))
end
