-- wrk script of bench/votes.sh: every request is a ballot from a new device (its own signed visitor cookie, read
-- from $COOKIES, minted by bench/MintCookies.java) behind its own address (X-Forwarded-For, as nginx sends it: a
-- crowd of phones, not one address hitting its cap) for poll $POLL_ID, alternating its options
-- $OPTION_A and $OPTION_B. Answers are counted by status: 201 (counted), 200 (already voted: must not happen with
-- distinct identities), anything else. $DRAIN_S seconds before the end ($DURATION_S) the connections switch to
-- /robots.txt, so no ballot is in flight when wrk stops and every ballot the database holds was answered here.
local poll = os.getenv("POLL_ID")
local optionA = os.getenv("OPTION_A")
local optionB = os.getenv("OPTION_B")
local duration = tonumber(os.getenv("DURATION_S"))
local drain = tonumber(os.getenv("DRAIN_S") or "2")
local threads = {}
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

init = function(args)
  cookies = {}
  for line in io.lines(os.getenv("COOKIES")) do cookies[#cookies + 1] = line end
  started = os.time()
  sent = 0
  created, again, other = 0, 0, 0
  path = "/api/v1/polls/" .. poll .. "/votes"
  drainRequest = wrk.format("GET", "/robots.txt", { ["User-Agent"] = "bench-drain" })
end

request = function()
  if os.time() >= started + duration - drain then return drainRequest end
  sent = sent + 1
  local option = (sent % 2 == 0) and optionA or optionB
  -- thread 1 takes the odd lines, thread 2 the even ones: no cookie is used twice
  local n = (sent - 1) * 2 + tid
  local cookie = cookies[((n - 1) % #cookies) + 1]
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = "10." .. (math.floor(n / 65536) % 256) .. "." .. (math.floor(n / 256) % 256) .. "." .. (n % 256)
  }, '{"optionIds":[' .. option .. ']}')
end

response = function(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 and string.find(body, "alreadyVoted") then again = again + 1
  elseif status ~= 200 then other = other + 1 end
end

done = function(summary, latency, requests)
  local c, a, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    a = a + t:get("again")
    o = o + t:get("other")
  end
  io.write(string.format("RESULT created=%d already=%d other=%d errors=%d p50=%.2f p99=%.2f\n", c, a, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
