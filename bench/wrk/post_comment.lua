-- The comment form's POST, as a browser sends it: the CSRF cookie and token fetched
-- beforehand (arguments 1 and 2), and a new text each time (argument 3 is its start),
-- since the same person's same comment twice is refused as a duplicate.
-- Each request comes from its own address (X-Forwarded-For, the site trusting one
-- proxy) and e-mail, as a crowd of commenters behind a load balancer would.
-- Counts the answers by status (302 = received and held for the editors).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token, cookie, text = args[1], args[2], args[3]
  sent, statuses = 0, {}
  -- Every run writes new texts (the warm-up run sends the same arguments).
  math.randomseed(os.time() * 100 + id)
  text = text .. "+" .. math.random(1, 1000000000)
end

function request()
  sent = sent + 1
  local body = "csrfmiddlewaretoken=" .. token
    .. "&name=Ay%C5%9Fe+Y%C4%B1lmaz&email=okur" .. id .. "-" .. sent .. "%40example.com"
    .. "&website=&body=" .. text .. "+" .. id .. "-" .. sent
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id, math.floor(sent / 250) % 250, sent % 250 + 1),
  }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  for status, n in pairs(totals) do
    io.write(string.format("status %d %d\n", status, n))
  end
end
