local util = require "lib.util"
award "ldtt" {
  name = "Lao động tiên tiến", subject = "member",
  criteria = {
    { id = "rating", text = "Hoàn thành", check = function(m, ctx) return m.rating ~= nil and m.rating ~= "khong_hoan_thanh" end },
    { id = "clean", text = "Không kỷ luật", check = function(m, ctx) return not m.disciplined, m.disciplined and "bị kỷ luật" or nil end },
  },
}
award "ldg" {
  name = "Lao động giỏi", subject = "member", movement = "mv", phases = { "dot1", "dot2" },
  applies = function(m, ctx) return m.gender ~= nil end,
  criteria = {
    { id = "rating", text = "Tốt trở lên", check = function(m, ctx) return util.good(m.rating) end },
    { id = "clean", text = "Không kỷ luật", check = function(m, ctx) return not m.disciplined, m.disciplined and "bị kỷ luật" or nil end },
  },
  quota = { share = 0.5, base = "ldtt", within = "unit", order = function(m, ctx) return m.initiatives end, rounding = "floor" },
}
