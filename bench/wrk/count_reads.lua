-- New visitors (wrk keeps no cookies, so every request is a new reader) read one story
-- until a deadline (argument 1, seconds); after it they ask for the home page, which
-- counts nothing, until wrk stops. So every read sent has had its answer before wrk
-- stops, and the story pages answered 200 are exactly the reads the site must store.
-- Prints the reads sent, the story pages received, and any answer that was not 200.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  deadline = os.time() + tonumber(args[1])
  sent, received, not_ok = 0, 0, 0
  local browser = {["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
  story = wrk.format("GET", nil, browser)
  home = wrk.format("GET", "/", browser)
end

function request()
  if os.time() < deadline then
    sent = sent + 1
    return story
  end
  return home
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  elseif string.find(body, 'class="read-count"', 1, true) then
    received = received + 1
  end
end

function done(summary, latency, requests)
  local totals = {sent = 0, received = 0, not_ok = 0}
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  -- wrk calls request() once before the run to check it, without sending it.
  io.write(string.format("reads_sent %d\nstory_pages %d\nnot_200 %d\n",
    totals.sent - 1, totals.received, totals.not_ok))
end
