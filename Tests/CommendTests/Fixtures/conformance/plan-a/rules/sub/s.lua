scoring "cdcs" {
  name = "Chấm điểm CĐCS", subject = "unit",
  applies = function(u, ctx) return u.kind == "cdcs" end,
  group = "cluster",
  items = {
    { id = "to_chuc", text = "Tổ chức", max = 30, points = function(u, ctx) return u.new_members * 2 end },
    { id = "doan_phi", text = "Đoàn phí", max = 20, points = function(u, ctx) return 20 * u.fee_rate end },
  },
  bonus = { max = 5, points = function(u, ctx) return u.plaques end },
  penalty = { points = function(u, ctx) return u.incidents * 5 end },
  tiebreak = { "to_chuc", "doan_phi" },
  grades = { { min = 50, label = "Xuất sắc" }, { min = 40, label = "Khá" }, { min = 20, label = "Đạt" } },
}
scoring "s2" {
  name = "Điểm đoàn viên", subject = "member",
  items = { { id = "sc", text = "Điểm", max = 10, points = function(m, ctx) return m.score or 0 end } },
  bonus = { points = function(m, ctx) return m.initiatives end },
}
