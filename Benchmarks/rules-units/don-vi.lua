-- A second rule set for `make bench`: awards that walk each unit's members
-- (ctx.members_of) and member quotas counted within units, the work that
-- keeps two cores busy in other ways than the sample plan. The data of
-- `make bench`; plan.lua has the sample plan's phases and only the fields read here.

local function rating_at_least(r, floor)
  local order = { xuat_sac = 1, tot = 2, hoan_thanh = 3, khong_hoan_thanh = 4 }
  return r ~= nil and order[r] <= order[floor]
end

award "tot-nam" {
  name = "Hoàn thành tốt nhiệm vụ trong năm",
  subject = "member",
  phases = { "dot2" },
  criteria = {
    { id = "xep_loai", check = function(m) return rating_at_least(m.rating, "tot"), m.rating or "chưa xếp loại" end },
    { id = "ky_luat", check = function(m) return m.discipline == nil, m.discipline and ("kỷ luật: " .. m.discipline) end },
  },
}

award "xuat-sac-don-vi" {
  name = "Xuất sắc trong đơn vị (tối đa 20% mỗi đơn vị)",
  subject = "member",
  phases = { "dot2" },
  criteria = {
    { id = "tot", check = function(m, ctx) return ctx.awarded("tot-nam", m.id) end },
    { id = "sang_kien", check = function(m)
        local n = m.initiatives or 0
        return n > 0 or m.research == true, string.format("%d sáng kiến", n)
      end },
  },
  quota = {
    share = 0.2, within = "unit", rounding = "round",
    order = function(m) return (m.initiatives or 0) * 10 + (m.merit or 0) end,
  },
}

award "don-vi-manh" {
  name = "Đơn vị có nhiều đoàn viên hoàn thành tốt",
  subject = "unit",
  phases = { "dot2" },
  criteria = {
    { id = "ty_le_tot", check = function(u, ctx)
        local list = ctx.members_of(u.id)
        if #list == 0 then return false, "không có đoàn viên" end
        local n = 0
        for i = 1, #list do if ctx.awarded("tot-nam", list[i].id) then n = n + 1 end end
        return n / #list >= 0.6, string.format("%d/%d đoàn viên hoàn thành tốt", n, #list)
      end },
    { id = "xuat_sac", check = function(u, ctx)
        local n = 0
        local list = ctx.members_of(u.id)
        for i = 1, #list do if ctx.awarded("xuat-sac-don-vi", list[i].id) then n = n + 1 end end
        return n >= 1, string.format("%d đoàn viên xuất sắc", n)
      end },
    { id = "nu", check = function(u, ctx)
        local nu, tong = 0, 0
        for _, m in ipairs(ctx.members_of(u.id)) do
          tong = tong + 1
          if m.gender == "nu" then nu = nu + 1 end
        end
        return tong > 0, string.format("%d nữ/%d", nu, tong)
      end },
  },
}

scoring "diem-don-vi" {
  name = "Điểm đơn vị theo đoàn viên",
  subject = "unit",
  phases = { "dot2" },
  group = "cluster",
  items = {
    { id = "sang_kien", max = 50, points = function(u, ctx)
        local s = 0
        for _, m in ipairs(ctx.members_of(u.id)) do s = s + (m.initiatives or 0) end
        return math.min(50, s * 5), string.format("%d sáng kiến", s)
      end },
    { id = "tot", max = 50, points = function(u, ctx)
        local list = ctx.members_of(u.id)
        local n = 0
        for i = 1, #list do if ctx.eligible("tot-nam", list[i].id) then n = n + 1 end end
        return #list > 0 and 50 * n / #list or 0
      end },
  },
  grades = { { label = "Tốt", min = 70 }, { label = "Khá", min = 40 } },
}
