-- Rule tests of the collective titles, the Cờ thi đua and the scoring
-- tables (tap-the.lua, cham-diem.lua). Run with `commend test --rules rules`.

-- a grassroots union that does everything well; `t` overrides fields
local function cdcs(id, t)
  local u = { id = id, name = "Công đoàn cơ sở " .. id, kind = "cdcs", parent = "H01", cluster = "PT-KV1",
              sector = "giao_duc", district = "tp-bac-kan", founded = "2005-09-05", workers = 5,
              rating = "xuat_sac", dialogue = true, agreement = true, care_rate = 1.0, registered = true,
              new_members = 1, member_target = 1, trained = true, fee_rate = 1.0, report_on_time = true,
              inspected = true, commended = 0, late_reports = 0, violations = 0, green_score = 85 }
  for k, v in pairs(t or {}) do u[k] = v end
  return u
end

local HUYEN = { id = "H01", name = "Liên đoàn Lao động thành phố Bắc Kạn", kind = "huyen",
                cluster = "KHOI-HUYEN", rating = "tot", new_members = 10, member_target = 10,
                fee_rate = 0.9, report_on_time = true }

-- members of a unit: one per rating given, all otherwise LĐTT material;
-- `initiatives` members (the first ones) have one initiative each
local function dvs(list, unit, ratings, initiatives, extra)
  for i, r in ipairs(ratings) do
    local m = { id = unit .. "-M" .. i, name = "Đoàn viên " .. i, unit = unit, gender = "nu",
                started = "2015-08-15", rating = r, participates = true,
                initiatives = i <= (initiatives or 0) and 1 or 0 }
    for k, v in pairs((extra or {})[i] or {}) do m[k] = v end
    list[#list + 1] = m
  end
  return list
end

local TOT5 = { "tot", "tot", "xuat_sac", "tot", "tot" }

test("Tập thể lao động tiên tiến: hoàn thành tốt, từ 50% LĐTT, không ai bị cảnh cáo", function(t)
  local members = {}
  dvs(members, "U1", TOT5, 1)
  dvs(members, "U2", { "tot", "tot", "hoan_thanh", "hoan_thanh" })                   -- đúng 50%
  dvs(members, "U3", { "tot", "hoan_thanh", "hoan_thanh", "tot" }, 0,
      { [4] = { discipline = "canh_cao" } })                                        -- 1/4 LĐTT
  local r = t.evaluate {
    phase = "dot2",
    units = { HUYEN, cdcs("U1"), cdcs("U2", { rating = "tot", workers = 4 }),
              cdcs("U3", { rating = "hoan_thanh", registered = false, workers = 4 }) },
    members = members,
  }
  t.ok(r.awarded("tt-lao-dong-tien-tien", "U1"))
  t.ok(r.awarded("tt-lao-dong-tien-tien", "U2"), "đúng 50% vẫn đạt")
  t.eq(r.failed("tt-lao-dong-tien-tien", "U3"), { "xep_loai", "phong_trao", "ldtt_50", "khong_ky_luat" })
end)

test("Tập thể lao động xuất sắc: 100% hoàn thành, từ 70% LĐTT, có CSTĐCS", function(t)
  local members = {}
  dvs(members, "U1", TOT5, 1)      -- 5 LĐTT, 15% x 5 = 0,75 -> 1 CSTĐCS
  dvs(members, "U2", { "tot", "tot", "xuat_sac", "hoan_thanh", "khong_hoan_thanh" })
  local r = t.evaluate {
    phase = "dot2",
    units = { HUYEN, cdcs("U1"), cdcs("U2") },
    members = members,
  }
  t.ok(r.awarded("cstd-co-so", "U1-M1"))
  t.ok(r.awarded("tt-lao-dong-xuat-sac", "U1"))
  t.eq(r.failed("tt-lao-dong-xuat-sac", "U2"), { "hoan_thanh_100", "ldtt_70", "co_cstd" })
  t.ok(r.awarded("tt-lao-dong-tien-tien", "U2"), "60% LĐTT: vẫn là Tập thể lao động tiên tiến")
end)

test("Xếp loại CĐCS: điểm, hạng trong cụm (1, 2, 2, 4), bốn mức xếp loại", function(t)
  local members = {}
  dvs(members, "U1", TOT5, 2)      -- 2 người có sáng kiến: đủ 6 điểm
  dvs(members, "U2", TOT5, 1)
  dvs(members, "U4", TOT5, 1)      -- giống hệt U2
  dvs(members, "U3", { "tot", "hoan_thanh", "hoan_thanh", "hoan_thanh", "hoan_thanh" })
  dvs(members, "U5", TOT5, 0)
  local weak = { rating = "tot", dialogue = false, agreement = false, care_rate = 0.2, registered = false,
                 new_members = 0, member_target = 5, trained = false, fee_rate = 0.5,
                 report_on_time = false, inspected = false, late_reports = 3, violations = 1, green_score = 40 }
  local mid = { rating = "tot", agreement = false, care_rate = 0.8, trained = false, inspected = false }  -- 72 điểm
  local r = t.evaluate {
    phase = "dot2",
    units = { HUYEN, cdcs("U1"), cdcs("U2"), cdcs("U3", weak), cdcs("U4"), cdcs("U5", mid),
              cdcs("U6", { founded = "2021-09-01", cluster = "PT-KV2" }) },
    members = members,
  }
  t.eq(r.total("xep-loai-cdcs", "U1"), 100)
  t.eq(r.rank("xep-loai-cdcs", "U1"), 1)
  t.eq(r.rank("xep-loai-cdcs", "U2"), 2)
  t.eq(r.rank("xep-loai-cdcs", "U4"), 2)
  t.eq(r.rank("xep-loai-cdcs", "U5"), 4)
  t.eq(r.grade("xep-loai-cdcs", "U1"), "Hoàn thành xuất sắc nhiệm vụ")
  t.eq(r.grade("xep-loai-cdcs", "U5"), "Hoàn thành tốt nhiệm vụ")
  t.eq(r.grade("xep-loai-cdcs", "U3"), "Không hoàn thành nhiệm vụ")
  t.eq(r.rank("xep-loai-cdcs", "U6"), nil, "thành lập sau 01/7: chưa xếp loại")
  t.ok(r.grade("cham-diem-khoi", "H01") ~= nil)
end)

test("Cờ thi đua: mỗi cụm một cờ, cho đơn vị điểm cao nhất đủ tiêu chuẩn", function(t)
  local members = {}
  dvs(members, "U1", TOT5, 1)
  dvs(members, "U2", TOT5, 2)
  dvs(members, "U3", TOT5, 2)
  dvs(members, "U4", TOT5, 1)
  local r = t.evaluate {
    phase = "dot2",
    units = { HUYEN, cdcs("U1"), cdcs("U2"), cdcs("U3", { rating = "tot" }),
              cdcs("U4", { cluster = "PT-KV2", care_rate = 0.5, dialogue = false, agreement = false }) },
    members = members,
  }
  t.ok(r.awarded("co-thi-dua", "U2"), "điểm cao nhất cụm PT-KV1")
  t.ok(r.eligible("co-thi-dua", "U1") and not r.awarded("co-thi-dua", "U1"))
  t.eq(r.failed("co-thi-dua", "U3"), { "xep_loai", "tt_xuat_sac" })
  t.eq(r.failed("co-thi-dua", "U4"), { "diem" })
end)
