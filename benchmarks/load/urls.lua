-- wrk script: GET paths from a list file.
--   WRK_THREADS=T WRK_MODE=MODE [WRK_ACCEPT_ENCODING=...] [WRK_COOKIE=...] wrk -t T ... -s urls.lua http://127.0.0.1:PORT -- LIST
-- MODE random:     a path drawn at random per request (seeded per thread)
--      sequential: each thread walks its share of the list in order, each path
--                  once (wraps around if the list runs out; "wrapped" counts it)
--      pass:       like sequential, but each thread stops after its share: one
--                  pass over the whole list (the warm-up); run with a long -d
-- done() prints one JSON line with the figures the benchmark reads.

local threads = {}
local counter = 0
local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
local mode = os.getenv("WRK_MODE") or "random"

function setup(thread)
   thread:set("id", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if #line > 0 then
         paths[#paths + 1] = line
      end
   end
   math.randomseed(os.time() + id * 7919)
   next_index = id + 1
   wrapped = 0
   responses = 0
   share = 0
   for i = id + 1, #paths, nthreads do
      share = share + 1
   end
   local encoding = os.getenv("WRK_ACCEPT_ENCODING") or ""
   if #encoding > 0 then
      wrk.headers["Accept-Encoding"] = encoding
   end
   local cookie = os.getenv("WRK_COOKIE") or ""
   if #cookie > 0 then
      wrk.headers["Cookie"] = cookie
   end
end

function request()
   local path
   if mode == "random" then
      path = paths[math.random(#paths)]
   else
      if next_index > #paths then
         next_index = id + 1
         wrapped = wrapped + 1
      end
      path = paths[next_index]
      next_index = next_index + nthreads
   end
   return wrk.format("GET", path)
end

if mode == "pass" then
   function response(status, headers, body)
      responses = responses + 1
      if responses >= share then
         wrk.thread:stop()
      end
   end
end

function done(summary, latency, requests)
   local wrapped_total = 0
   for _, thread in ipairs(threads) do
      wrapped_total = wrapped_total + (thread:get("wrapped") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      '{"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d,' ..
      '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,"wrapped":%d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean, wrapped_total))
end
