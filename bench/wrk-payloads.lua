-- Cycles through pre-signed requests loaded from the Lua table in PAYLOADS (one per thread).
local path = os.getenv("PAYLOADS")
local entries = dofile(path)
local requests = {}
local index = 0

function init(args)
  for i, entry in ipairs(entries) do
    requests[i] = wrk.format("POST", os.getenv("TARGET_PATH") or "/vapi/webhook", entry.headers, entry.body)
  end
  entries = nil
end

function request()
  index = index % #requests + 1
  return requests[index]
end
