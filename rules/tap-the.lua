-- Danh hiệu tập thể xét cuối năm (đợt 2): Tập thể lao động tiên tiến, Tập
-- thể lao động xuất sắc, Cờ thi đua của LĐLĐ tỉnh.
-- These run once per unit, so walking the unit's members is fine here
-- (lib.donvi); never do it in a member-level rule.

local xl = require "lib.xeploai"
local tyle = require "lib.tyle"
local donvi = require "lib.donvi"

local xep_loai_tu = xl.xep_loai_tu

local function ty_le_ldtt(can)
  return function(u, ctx)
    local n, d = donvi.dem(ctx, u.id, function(m)
      return ctx.awarded("lao-dong-tien-tien", m.id)
    end)
    return tyle.dat(n, d, can)
  end
end

-- nobody disciplined at "cảnh cáo" or heavier
local function khong_ky_luat_canh_cao(u, ctx)
  local n = donvi.dem(ctx, u.id, function(m)
    return xl.ky_luat_tu(m.discipline, "canh_cao")
  end)
  if n == 0 then return true end
  return false, string.format("%d người bị kỷ luật từ cảnh cáo trở lên", n)
end

local function la_cdcs(u) return u.kind == "cdcs" end

-- The two annual collective titles sum up every movement, so they name no
-- movement (their `movement` is null in the results).

award "tt-lao-dong-tien-tien" {
  name = "Tập thể lao động tiên tiến",
  subject = "unit",
  phases = { "dot2" },
  applies = la_cdcs,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành tốt nhiệm vụ và kế hoạch được giao",
      check = xep_loai_tu("tot") },
    { id = "phong_trao", text = "Có phong trào thi đua thường xuyên (đăng ký thi đua đầu năm)",
      check = function(u)
        if u.registered then return true end
        return false, "không đăng ký thi đua"
      end },
    { id = "ldtt_50", text = "Có từ 50% cá nhân đạt danh hiệu Lao động tiên tiến",
      check = ty_le_ldtt(0.5) },
    { id = "khong_ky_luat", text = "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
      check = khong_ky_luat_canh_cao },
  },
}

award "tt-lao-dong-xuat-sac" {
  name = "Tập thể lao động xuất sắc",
  subject = "unit",
  phases = { "dot2" },
  applies = la_cdcs,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành xuất sắc nhiệm vụ và kế hoạch được giao",
      check = xep_loai_tu("xuat_sac") },
    { id = "hoan_thanh_100", text = "100% cá nhân hoàn thành nhiệm vụ được giao",
      check = function(u, ctx)
        local n, d = donvi.dem(ctx, u.id, function(m) return xl.tu(m.rating, "hoan_thanh") end)
        return d > 0 and n == d, tyle.phan(n, d)
      end },
    { id = "ldtt_70", text = "Có từ 70% cá nhân đạt danh hiệu Lao động tiên tiến",
      check = ty_le_ldtt(0.7) },
    { id = "co_cstd", text = "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
      check = function(u, ctx)
        local n = donvi.dem(ctx, u.id, function(m) return ctx.awarded("cstd-co-so", m.id) end)
        return n >= 1, string.format("%d Chiến sĩ thi đua cơ sở", n)
      end },
    { id = "khong_ky_luat", text = "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
      check = khong_ky_luat_canh_cao },
  },
}

-- Cờ thi đua: dẫn đầu cụm, khối thi đua (mỗi cụm, khối một cờ) ----------------

-- the scoring table of the unit's cluster
local function bang_diem(u)
  if u.kind == "cdcs" then return "xep-loai-cdcs" end
  return "cham-diem-khoi"
end

award "co-thi-dua" {
  name = "Cờ thi đua của LĐLĐ tỉnh (dẫn đầu cụm, khối thi đua)",
  subject = "unit",
  movement = "doi-moi-cong-doan",
  phases = { "dot2" },
  applies = function(u)
    return u.cluster ~= nil and (u.kind == "cdcs" or u.kind == "huyen" or u.kind == "nganh")
  end,
  criteria = {
    { id = "xep_loai", text = "Hoàn thành xuất sắc nhiệm vụ",
      check = xep_loai_tu("xuat_sac") },
    { id = "diem", text = "Bảng chấm điểm xếp loại \"Hoàn thành xuất sắc nhiệm vụ\"",
      check = function(u, ctx)
        local s = bang_diem(u)
        local g = ctx.grade(s, u.id)
        if g == nil then return false, "chưa được chấm điểm" end
        return g == xl.HTXS, string.format("%s điểm, %s (hạng %d trong cụm)",
          tyle.so(ctx.total(s, u.id), 2), g, ctx.rank(s, u.id))
      end },
    { id = "tt_xuat_sac", text = "Đạt Tập thể lao động xuất sắc (công đoàn cơ sở)",
      check = function(u, ctx)
        if u.kind ~= "cdcs" then return true, "không áp dụng với công đoàn cấp trên cơ sở" end
        if ctx.awarded("tt-lao-dong-xuat-sac", u.id) then return true end
        return false, "chưa đạt Tập thể lao động xuất sắc"
      end },
  },
  quota = {
    max = 1,               -- mỗi cụm, khối thi đua một cờ
    within = "cluster",
    order = function(u, ctx) return ctx.total(bang_diem(u), u.id) or 0 end,
  },
}
