-- The long tail: every request asks for a story chosen at random among the paths in the
-- file named by argument 1 (one per line, written by bench/load.py), as old stories and
-- crawlers do. wrk keeps no cookies, so each request is a new reader.
function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  headers = {["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
