-- wrk script of bench/map-tiles.sh: GET random tiles from the list in TILE_LIST (lines "z/x/y"),
-- as TILE_PREFIX .. z/x/y .. ".mvt", with the session cookie in TILE_COOKIE when given.
local prefix = os.getenv("TILE_PREFIX")
local tiles = {}
for line in io.lines(os.getenv("TILE_LIST")) do
  tiles[#tiles + 1] = line
end
-- as browsers and GIS clients ask; the ST_AsMVT reference ignores it and sends raw MVT
local headers = { ["Accept-Encoding"] = "gzip" }
if (os.getenv("TILE_COOKIE") or "") ~= "" then
  headers["Cookie"] = os.getenv("TILE_COOKIE")
end
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

init = function(args)
  math.randomseed(seed * 7919)
end

request = function()
  return wrk.format("GET", prefix .. tiles[math.random(#tiles)] .. ".mvt", headers)
end
