-- New visitors (wrk keeps no cookies, so every request is a new reader) read one story
-- until a deadline (argument 1, seconds), then only a bot (never counted) until wrk
-- stops: every counted read has had its answer before wrk stops, so the reads sent
-- are exactly the reads the site must store. Prints how many were sent and any answer
-- that was not 200.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  deadline = os.time() + tonumber(args[1])
  sent, not_ok = 0, 0
  reader = wrk.format("GET", nil, {["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"})
  bot = wrk.format("GET", nil, {["User-Agent"] = "Googlebot/2.1 (+http://www.google.com/bot.html)"})
end

function request()
  if os.time() < deadline then
    sent = sent + 1
    return reader
  end
  return bot
end

function response(status)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local reads, failures = 0, 0
  for _, thread in ipairs(threads) do
    reads = reads + thread:get("sent")
    failures = failures + thread:get("not_ok")
  end
  io.write(string.format("reader_requests %d\nnot_200 %d\n", reads, failures))
end
