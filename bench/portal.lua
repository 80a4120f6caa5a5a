-- wrk script of bench/portal.sh: every connection asks for the article page ($ARTICLE_PATH) with a browser's
-- user agent (robots are not counted as views) until $DRAIN_AT seconds before the end of the run ($DURATION_S),
-- then for /robots.txt (not counted), so that no article request is still in flight when wrk stops: the article
-- requests wrk sent, all completed, are then exactly the views the application must have counted.
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
  article = 0
  articleRequest = wrk.format("GET", path, { ["User-Agent"] = ua })
  drainRequest = wrk.format("GET", "/robots.txt", { ["User-Agent"] = ua })
end

-- No response() callback: it would make wrk parse every response and slow the load generator down. Article
-- requests are counted when sent; the drain phase lets every one of them complete before wrk stops, and any
-- non-2xx answer shows in wrk's status errors.
request = function()
  if os.time() >= started + duration - drain then return drainRequest end
  article = article + 1
  return articleRequest
end

done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("article")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%.2f p99=%.2f requests=%d article=%d errors=%d\n",
      summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, total, errors))
end
