-- wrk script for tools/soak/soak.sh: mixed traffic from a list of requests.
--   wrk -t T -c C -d D -s mixed.lua http://127.0.0.1:PORT -- LIST
-- LIST lines are "KIND METHOD PATH"; KIND says what the answer must be:
--   page 200, search 200, suggest 200, go 302, missing 404, bad 400 or 405.
-- Each request picks a kind by weight, then a line of that kind at random.
-- done() compares, per expected status, the responses with the requests
-- sent (wrk cuts at most one request per connection short at the end) and
-- prints "SOAK-REQUESTS OK" or "SOAK-REQUESTS FAIL: ...".

local threads = {}
local counter = 0

local weights = { page = 50, search = 12, go = 5, suggest = 18, missing = 7, bad = 8 }
local expected = { page = "200", search = "200", suggest = "200", go = "302", missing = "404", bad = "4xx-refusal" }

function setup(thread)
   thread:set("id", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

function init(args)
   lists = {}
   for line in io.lines(args[1]) do
      local kind, method, path = line:match("^(%S+) (%S+) (%S+)$")
      if kind then
         lists[kind] = lists[kind] or {}
         table.insert(lists[kind], wrk.format(method, path))
      end
   end
   wheel = {}
   for kind, weight in pairs(weights) do
      if lists[kind] then
         for _ = 1, weight do table.insert(wheel, kind) end
      end
   end
   math.randomseed(1000 + id * 7919)
   sent = { page = 0, search = 0, go = 0, suggest = 0, missing = 0, bad = 0 }
   statuses = {}
end

function request()
   local kind = wheel[math.random(#wheel)]
   sent[kind] = sent[kind] + 1
   local list = lists[kind]
   return list[math.random(#list)]
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local totalSent, totalStatus = {}, {}
   for _, thread in ipairs(threads) do
      for kind, n in pairs(thread:get("sent")) do totalSent[kind] = (totalSent[kind] or 0) + n end
      for status, n in pairs(thread:get("statuses")) do totalStatus[status] = (totalStatus[status] or 0) + n end
   end

   local want = { ["200"] = 0, ["302"] = 0, ["404"] = 0, ["4xx-refusal"] = 0 }
   for kind, n in pairs(totalSent) do want[expected[kind]] = want[expected[kind]] + n end
   local got = { ["200"] = totalStatus["200"] or 0, ["302"] = totalStatus["302"] or 0, ["404"] = totalStatus["404"] or 0,
                 ["4xx-refusal"] = (totalStatus["400"] or 0) + (totalStatus["405"] or 0) }

   local slack = tonumber(os.getenv("SOAK_CONNECTIONS") or "64")
   local problems = {}
   for status, n in pairs(totalStatus) do
      if not (status == "200" or status == "302" or status == "404" or status == "400" or status == "405") then
         table.insert(problems, string.format("%d responses with status %s", n, status))
      end
   end
   for key, n in pairs(want) do
      if math.abs(n - got[key]) > slack then
         table.insert(problems, string.format("%s: %d requests sent, %d answered so", key, n, got[key]))
      end
   end
   local e = summary.errors
   if e.connect + e.read + e.write + e.timeout > 0 then
      table.insert(problems, string.format("socket errors: connect %d, read %d, write %d, timeout %d", e.connect, e.read, e.write, e.timeout))
   end

   io.write(string.format("requests %d in %.1f s (%.0f/s), %.1f MB read\n", summary.requests, summary.duration / 1e6,
      summary.requests / (summary.duration / 1e6), summary.bytes / 1048576))
   io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
   local kinds = {}
   for kind, n in pairs(totalSent) do table.insert(kinds, string.format("%s %d", kind, n)) end
   table.sort(kinds)
   io.write("sent: " .. table.concat(kinds, ", ") .. "\n")
   local codes = {}
   for status, n in pairs(totalStatus) do table.insert(codes, string.format("%s %d", status, n)) end
   table.sort(codes)
   io.write("answered: " .. table.concat(codes, ", ") .. "\n")
   if #problems == 0 then
      io.write("SOAK-REQUESTS OK\n")
   else
      io.write("SOAK-REQUESTS FAIL: " .. table.concat(problems, "; ") .. "\n")
   end
end
