-- Cycles through pre-signed requests loaded from the Lua table in PAYLOADS. Each thread (of
-- WRK_THREADS, wrk's -t, default 2) has its own share of them, so that no two threads ever send
-- the same request: the server answers exact repeats of a signed request from its replay guard
-- instead of handling them.
local path = os.getenv("PAYLOADS")
local entries = dofile(path)
local requests = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  local count = tonumber(os.getenv("WRK_THREADS") or "2")
  local number = thread_number or 0
  for i, entry in ipairs(entries) do
    if #entries < count or (i - 1) % count == number then
      requests[#requests + 1] = wrk.format("POST", os.getenv("TARGET_PATH") or "/vapi/webhook", entry.headers, entry.body)
    end
  end
  entries = nil
end

function request()
  index = index % #requests + 1
  return requests[index]
end
