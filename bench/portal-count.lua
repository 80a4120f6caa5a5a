-- wrk script of bench/portal.sh, for the exactness check: every connection asks for the article page
-- ($ARTICLE_PATH) with a browser's user agent (robots are not counted as views) and counts the article pages it
-- receives; $DRAIN_S seconds (2) before the end of the run ($DURATION_S) it switches to /robots.txt (not counted),
-- so no article request is still in flight when wrk stops. The article pages received are then exactly the views
-- the application must have added. (Counting in request() instead is off by one: wrk calls it once more than it
-- sends.) Throughput is measured by plain wrk runs without any script.
local path = os.getenv("ARTICLE_PATH")
local duration = tonumber(os.getenv("DURATION_S"))
local drain = tonumber(os.getenv("DRAIN_S") or "2")
local ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  started = os.time()
  received = 0
  other = 0
  articleRequest = wrk.format("GET", path, { ["User-Agent"] = ua })
  drainRequest = wrk.format("GET", "/robots.txt", { ["User-Agent"] = ua })
end

request = function()
  if os.time() >= started + duration - drain then return drainRequest end
  return articleRequest
end

-- The article page is the only long answer (robots.txt is a few bytes).
response = function(status, headers, body)
  if #body > 2000 then
    if status == 200 then received = received + 1 else other = other + 1 end
  end
end

done = function(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("received")
    bad = bad + t:get("other")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT article=%d other=%d requests=%d errors=%d\n", total, bad, summary.requests, errors))
end
