-- Sends the body in BODY_FILE (a tool-calls message or an end-of-call report written by
-- bench/BenchPayloads.java) to TARGET_PATH (default /vapi/webhook) again and again, each time new:
-- every occurrence of TEMPLATE_ID in it is replaced with an id of its own (RUN_ID, the thread, a
-- counter), so that every tool call runs its tool and every report is kept and delivered as a new
-- call, none recognised as a repeat.
-- Authenticated with the shared secret in SECRET (X-Vapi-Secret): a header wrk can send as is,
-- where an HMAC signature would have to be computed over each new body.
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local parts, headers, prefix, path
local counter = 0

function init(args)
  local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
  local body = file:read("*a")
  file:close()
  local template = os.getenv("TEMPLATE_ID")
  parts = {}
  local from = 1
  while true do
    local at = string.find(body, template, from, true)
    if not at then break end
    parts[#parts + 1] = string.sub(body, from, at - 1)
    from = at + #template
  end
  parts[#parts + 1] = string.sub(body, from)
  assert(#parts > 1, "TEMPLATE_ID does not occur in BODY_FILE")
  prefix = string.format("%s-%02d-", os.getenv("RUN_ID"), thread_number or 0)
  path = os.getenv("TARGET_PATH") or "/vapi/webhook"
  headers = { ["Content-Type"] = "application/json", ["X-Vapi-Secret"] = os.getenv("SECRET") }
end

function request()
  counter = counter + 1
  local id = prefix .. string.format("%010d", counter)
  return wrk.format("POST", path, headers, table.concat(parts, id))
end
